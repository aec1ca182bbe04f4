"""A message's context kept with its `Notification`, so an edited template can be checked and
previewed against what a real message of that kind was given (issue #7 point 2).

Objects are kept as references (model and primary key), never copied: erasing a person leaves no
copy of them here, and an example whose objects are gone is simply not used.
"""

import datetime

from django.apps import apps
from django.db import models


class ObjectGone(LookupError):
    """An object the context referred to has been deleted since."""


def freeze(value):
    if isinstance(value, models.Model):
        return {"$model": value._meta.label_lower, "pk": value.pk}
    if isinstance(value, dict):
        return {"$dict": {str(key): freeze(item) for key, item in value.items()}}
    if isinstance(value, list | tuple | set | models.QuerySet):
        return [freeze(item) for item in value]
    if isinstance(value, datetime.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    if isinstance(value, datetime.time):
        return {"$time": value.isoformat()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def thaw(value):
    if isinstance(value, list):
        return [thaw(item) for item in value]
    if not isinstance(value, dict):
        return value
    if "$model" in value:
        found = apps.get_model(value["$model"])._default_manager.filter(pk=value["pk"]).first()
        if found is None:
            raise ObjectGone(value["$model"])
        return found
    if "$dict" in value:
        return {key: thaw(item) for key, item in value["$dict"].items()}
    for tag, parse in (
        ("$datetime", datetime.datetime.fromisoformat),
        ("$date", datetime.date.fromisoformat),
        ("$time", datetime.time.fromisoformat),
    ):
        if tag in value:
            return parse(value[tag])
    return value


def describe(value) -> str:
    """What a variable holds, in plain words, for the list of variables on the editing screen."""
    if isinstance(value, models.Model):
        return str(value._meta.verbose_name)
    if isinstance(value, list):
        kinds = sorted({describe(item) for item in value})
        return f"a list of {', '.join(kinds) or 'items'}"
    if isinstance(value, dict):
        return "a group of values: " + ", ".join(value)
    return {str: "text", int: "a number", bool: "yes or no"}.get(type(value), type(value).__name__)
