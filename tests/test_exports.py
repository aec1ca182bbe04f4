"""No spreadsheet we hand out can run a formula (issue #19 point 2, OWASP "CSV injection").

Every text column of every model of ours holds a value starting with = + - @, a tab or a carriage
return; then every export the URL resolver knows is downloaded as CSV and XLSX, and no cell may
start a formula. Each export must also show at least one neutralised value, so an export that lost
its rows cannot pass by being empty.
"""

import csv
import io
from itertools import cycle

import openpyxl
import pytest
from django.apps import apps
from django.db import models
from django.urls import URLResolver, get_resolver, reverse
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.models import Page

from core.exports import FORMULA_STARTS
from core.models import User
from feedback.models import Attendance, AttendanceStatus
from tests.access_world import build_world

OUR_APPS = ("core", "courses", "events", "trainers", "feedback")


def exporting_listings(patterns=None, namespaces=()) -> list[str]:
    """The URL name of every admin listing of ours that exports (`list_export`), as the resolver
    knows them. Wagtail's own reports (site history, aging pages…) are Wagtail's views, not ours."""
    names = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
            names += exporting_listings(pattern.url_patterns, inner)
            continue
        view_class = getattr(pattern.callback, "view_class", None)
        if view_class is None or not issubclass(view_class, SpreadsheetExportMixin):
            continue
        if not view_class.__module__.startswith(OUR_APPS):
            continue
        if pattern.callback.view_initkwargs.get("list_export", view_class.list_export):
            names.append(":".join((*namespaces, pattern.name)))
    return names


#: Exports built as datasets (django-import-export and our own), with the arguments they need.
DATASET_EXPORTS = {
    "cohorts:export": lambda world, extension: {"pk": world.cohort.pk, "extension": extension},
    "trainer_import:template": lambda world, extension: {"extension": extension},
    "accredited_route:export": lambda world, extension: {"extension": extension},
}


def text_fields(model) -> list[models.Field]:
    """The free-text columns a person could have typed into (choices and passwords aside)."""
    return [
        field
        for field in model._meta.local_concrete_fields
        if isinstance(field, (models.CharField, models.TextField))
        and not field.choices
        and not field.primary_key
        and field.name != "password"
    ]


def fill_every_text_column_with_formulas() -> None:
    starts = cycle(FORMULA_STARTS)
    for app_label in OUR_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if issubclass(model, Page) or model._meta.proxy:
                continue
            for field in text_fields(model):
                start = next(starts)
                for pk in model._default_manager.values_list("pk", flat=True):
                    value = f"{start}{pk}+cmd|' /C calc'!A0"[: field.max_length or None]
                    model._default_manager.filter(pk=pk).update(**{field.attname: value})


@pytest.fixture
def hostile_world(client, make_user):
    world = build_world(make_user)
    Attendance.objects.create(
        session=world.session, registration=world.registration, status=AttendanceStatus.values[0], note="late"
    )
    world.registration.accredited_route = True
    world.registration.save(update_fields=["accredited_route"])
    fill_every_text_column_with_formulas()
    # A name that starts a formula even after Django strips the full name (a leading tab would go).
    User.objects.update(first_name="=2+3", last_name="-1")
    client.force_login(world.people["programme_admin"])
    return world


def csv_cells(response) -> list[str]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    return [cell for row in rows[1:] for cell in row]


def xlsx_cells(response) -> list[openpyxl.cell.Cell]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [cell for row in sheet.iter_rows(min_row=2) for cell in row]


def neutralised(text) -> bool:
    return isinstance(text, str) and text.startswith("'") and text[1:].startswith(FORMULA_STARTS)


def formula_problems(response, extension: str) -> str | None:
    """What is wrong with an export, or None."""
    if response.status_code != 200:
        return f"answered {response.status_code}"
    if extension == "csv":
        values = csv_cells(response)
    else:
        cells = xlsx_cells(response)
        if formulas := [cell.coordinate for cell in cells if cell.data_type == "f"]:
            return f"formula cells {formulas}"
        values = [cell.value for cell in cells]
    if raw := [value for value in values if isinstance(value, str) and value.startswith(FORMULA_STARTS)]:
        return f"raw {raw[:3]}"
    if not any(neutralised(value) for value in values):
        return "no hostile value reached it"
    return None


def test_the_walk_finds_every_listing_that_exports():
    assert {"registrations:index", "trainer_profiles:index", "deliveries:index", "trainer_applications:index"} <= set(
        exporting_listings()
    )


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_no_export_holds_a_formula(client, hostile_world, extension):
    """One world for every export (building it is the slow part), every problem reported at once."""
    urls = [reverse(name) + f"?export={extension}" for name in exporting_listings()]
    urls += [reverse(name, kwargs=kwargs(hostile_world, extension)) for name, kwargs in DATASET_EXPORTS.items()]

    problems = {url: problem for url in urls if (problem := formula_problems(client.get(url), extension))}

    assert not problems, "\n".join(f"{url}: {problem}" for url, problem in problems.items())
