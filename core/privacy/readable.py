"""`/my-data/` in words a person can read (issue #23.5): each value under its field's own label,
choices by their wording, "Yes"/"No", dates written out, messages as their text (never raw HTML).
The JSON download (`personal_data_export_json`) keeps every value as it is stored."""

import datetime
import json

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst

from core.models import User
from core.privacy.registry import personal_data_registry
from core.privacy.services import USER_FIELDS

EMPTY = "–"


def shown(field: models.Field, value, list_choices: dict[str, type[models.Choices]]) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, list) and field.name in list_choices:
        labels = dict(list_choices[field.name].choices)
        return ", ".join(str(labels.get(code, code)) for code in value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def readable_fields(model: type[models.Model], names: list[str]) -> list[models.Field]:
    """The fields to show: a message's HTML copy is left out, as its text says the same."""
    fields = [model._meta.get_field(name) for name in names]
    return [field for field in fields if not field.name.endswith("_html")]


def rows_in_words(rows, fields: list[models.Field], list_choices=None) -> list[list[tuple[str, str]]]:
    return [
        [
            (capfirst(str(field.verbose_name)), shown(field, getattr(row, field.name), list_choices or {}))
            for field in fields
        ]
        for row in rows
    ]


def personal_data_readable(*, person: User) -> list[tuple[str, list[list[tuple[str, str]]]]]:
    """(section, rows of (label, value)) for everything held about `person`."""
    sections = [("Your account", rows_in_words([person], readable_fields(User, USER_FIELDS)))]
    for entry in personal_data_registry():
        model = entry.model_class
        names = [
            field.name
            for field in model._meta.concrete_fields
            if field.attname not in entry.exclude_from_export and not field.primary_key
        ]
        fields = readable_fields(model, names)
        related = [field.name for field in fields if field.is_relation]
        rows = entry.rows_of(person).select_related(*related)
        sections.append((entry.label, rows_in_words(rows, fields, entry.list_choices)))
    return sections
