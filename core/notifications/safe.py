"""What a message's template is given: safe values, never model instances (issue #19 point 5).

A template edited in the admin could otherwise print any attribute of any object it is handed
(`{{ recipient.password }}`) or follow relations to other people's data. Each app lists, per model,
the fields its messages may show (`register_safe_fields`, in `<app>/messages.py`); everything else is
left out. A model instance becomes a `SafeRecord`: a dict of those fields that prints as the
instance's own name, so `{{ trainer }}` still reads "Kay Board".
"""

import dataclasses
import datetime

from django.db import models

#: How deep relations are followed (registration → cohort → venue → …).
MAX_DEPTH = 4

_safe_fields: dict[str, tuple[str, ...]] = {}


class SafeRecord(dict):
    """A model instance as a message may show it."""

    def __init__(self, values: dict, label: str):
        super().__init__(values)
        self.label = label

    def __str__(self) -> str:
        return self.label


def register_safe_fields(model_label: str, *fields: str) -> None:
    """`fields` of `model_label` ("events.cohort") that messages may show: fields, properties, or
    methods taking no argument (`get_role_display`), stored under their own names."""
    _safe_fields[model_label.lower()] = fields


def safe_value(value, depth: int = 0):
    """`value` with every model instance, dataclass and queryset turned into plain values."""
    if value is None or isinstance(value, bool | int | float | str | datetime.date | datetime.time):
        return value
    if depth > MAX_DEPTH:
        return str(value)
    if isinstance(value, models.Model):
        return _record(value, depth)
    if isinstance(value, models.Manager):
        value = value.all()
    if isinstance(value, dict):
        return {str(key): safe_value(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list | tuple | set | models.QuerySet):
        return [safe_value(item, depth + 1) for item in value]
    if dataclasses.is_dataclass(value):
        return {field.name: safe_value(getattr(value, field.name), depth + 1) for field in dataclasses.fields(value)}
    return str(value)


def _record(instance: models.Model, depth: int) -> SafeRecord:
    values = {}
    for name in _safe_fields.get(instance._meta.label_lower, ()):
        value = getattr(instance, name)
        if callable(value) and not isinstance(value, models.Manager):
            value = value()
        values[name] = safe_value(value, depth + 1)
    return SafeRecord(values, label=str(instance))


def safe_context(context: dict) -> dict:
    return {str(name): safe_value(value) for name, value in context.items()}


register_safe_fields("core.user", "first_name", "last_name", "email")
register_safe_fields("core.region", "name")
