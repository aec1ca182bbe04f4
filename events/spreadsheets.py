"""Spreadsheets in and out: safe to open in Excel, and read the same whether CSV or XLSX.

Every dataset handed out goes through `export_bytes` (or `escape_dataset`), which runs each cell
through `core.exports.formula_safe` (OWASP "CSV injection").
"""

import datetime

import tablib
from import_export.formats.base_formats import CSV, XLSX

from core.exports import formula_safe

FORMATS = {"csv": CSV, "xlsx": XLSX}


def escape_dataset(dataset: tablib.Dataset) -> tablib.Dataset:
    safe = tablib.Dataset(headers=dataset.headers)
    for row in dataset:
        safe.append([formula_safe(value) for value in row])
    return safe


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_dataset(content: bytes, extension: str) -> tablib.Dataset:
    """Every cell as text, whichever format it came in, so CSV and XLSX rows validate alike."""
    file_format = FORMATS[extension]()
    if extension == "csv":
        content = content.decode("utf-8-sig")
    raw = file_format.create_dataset(content)
    dataset = tablib.Dataset(headers=[_as_text(header).lower() for header in raw.headers or []])
    for row in raw:
        if any(cell not in (None, "") for cell in row):
            dataset.append([_as_text(cell) for cell in row])
    return dataset


def export_bytes(dataset: tablib.Dataset, extension: str) -> bytes | str:
    return FORMATS[extension]().export_data(escape_dataset(dataset))


def import_row_problems(result, *, column_labels: dict[str, str]) -> dict[int, list[str]]:
    """Every problem of a django-import-export result, by row number (0 for the file as a whole),
    in words a facilitator can act on: "Email: this person is already registered"."""
    problems: dict[int, list[str]] = {}
    for number, errors in result.row_errors():
        problems.setdefault(number, []).extend(str(error.error) for error in errors)
    for error in result.base_errors:
        problems.setdefault(0, []).append(str(error.error))
    for invalid in result.invalid_rows:
        for field, field_messages in invalid.error_dict.items():
            label = column_labels.get(field, field.replace("_", " ").capitalize())
            problems.setdefault(invalid.number, []).extend(f"{label}: {message}" for message in field_messages)
    return problems
