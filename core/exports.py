"""Every spreadsheet the platform hands out is safe to open (issue #19 point 2).

A cell starting with = + - @, a tab or a carriage return is run as a formula by spreadsheet programs,
so a name like "=HYPERLINK(…)" typed at registration could attack whoever opens an export (OWASP
"CSV injection"). Such cells get a leading apostrophe, which spreadsheets show as plain text.

The check runs on the cell as it is written, after the value has been turned into text: a person,
trainer or mentor column holds the person's name, not the object.

Two ways out, one check (`formula_safe`):
- admin listings with `list_export` (Wagtail's SpreadsheetExportMixin): `FormulaSafeExportMixin`;
- django-import-export and other datasets: `events.spreadsheets.export_bytes` / `escape_dataset`.
"""

import datetime
from decimal import Decimal

from django.utils.encoding import force_str

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: Values a spreadsheet stores as numbers or dates, never as a formula.
NOT_TEXT = (bool, int, float, Decimal, datetime.date, datetime.time, datetime.timedelta)


def formula_safe(value):
    """The value as a spreadsheet should receive it: text that would start a formula, prefixed."""
    if value is None or isinstance(value, NOT_TEXT):
        return value
    text = force_str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class FormulaSafeExportMixin:
    """For every admin IndexView that exports (`list_export`), before Wagtail's IndexView in the bases.

    `preprocess_field_value` is Wagtail's public step that turns each cell into what is written, for
    CSV and XLSX alike; the check runs on its result."""

    def preprocess_field_value(self, field, value, export_format):
        return formula_safe(super().preprocess_field_value(field, value, export_format))
