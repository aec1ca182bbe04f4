"""Text in other people's records that names an erased person (issue #19 point 3).

Erasure blanks the person's own rows, but their name also lives in text written about them: audit-log
labels ("Sam Smith on Camden, spring") and what the log entry recorded, and messages sent to others
("Sam Smith shared a reflection with you"). Those records belong to other people and stay, with the
name and email address replaced by `ERASED_NAME`.
"""

import json

from django.db.models import Q, TextField, Value
from django.db.models.functions import Cast, Replace
from django.utils.html import escape
from wagtail.models import ModelLogEntry, PageLogEntry

from core.models import Notification, User

ERASED_NAME = "a person whose data was erased"

#: Where text about people is kept: plain text columns, and JSON columns holding text.
TEXT_COLUMNS = {ModelLogEntry: ["label"], PageLogEntry: ["label"], Notification: ["subject", "body_text", "body_html"]}
JSON_COLUMNS = {ModelLogEntry: ["data"], PageLogEntry: ["data"], Notification: ["attachments"]}


def ways_of_naming(person: User) -> list[str]:
    """The person's full name and email address, also as HTML and JSON write them, longest first
    (so "Sam Smith" goes before a shorter name inside it)."""
    names = {name for name in (person.get_full_name(), person.email) if name}
    variants = names | {escape(name) for name in names} | {json.dumps(name)[1:-1] for name in names}
    return sorted(variants, key=len, reverse=True)


def _replaced(value, needles: list[str]):
    if isinstance(value, str):
        for needle in needles:
            value = value.replace(needle, ERASED_NAME)
        return value
    if isinstance(value, list):
        return [_replaced(item, needles) for item in value]
    if isinstance(value, dict):
        return {key: _replaced(item, needles) for key, item in value.items()}
    return value


def mentions_erase(*, person: User) -> None:
    """Replace the person's name and address in every text that mentions them. Runs inside the
    erasure's transaction, before the name is blanked."""
    needles = ways_of_naming(person)
    if not needles:
        return
    for model, columns in TEXT_COLUMNS.items():
        for column in columns:
            for needle in needles:
                model.objects.filter(**{f"{column}__contains": needle}).update(
                    **{column: Replace(column, Value(needle), Value(ERASED_NAME))}
                )
    for model, columns in JSON_COLUMNS.items():
        for column in columns:
            mentioning = Q()
            for needle in needles:
                mentioning |= Q(as_text__contains=needle)
            rows = model.objects.annotate(as_text=Cast(column, TextField())).filter(mentioning)
            for row in rows:
                setattr(row, column, _replaced(getattr(row, column), needles))
                row.save(update_fields=[column])
