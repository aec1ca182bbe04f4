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
from wagtail.log_actions import log
from wagtail.models import Page

from core.exports import FORMULA_STARTS
from core.models import User
from core.roles import Role
from feedback.models import Attendance, AttendanceStatus
from tests.access_world import build_world

OUR_APPS = ("core", "courses", "events", "trainers", "feedback")


def exporting_listings(patterns=None, namespaces=()) -> list[str]:
    """The URL name of every admin listing that exports (`list_export`), as the resolver knows them,
    Wagtail's own reports included (their addresses lead to core.admin_reports)."""
    names = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
            names += exporting_listings(pattern.url_patterns, inner)
            continue
        view_class = getattr(pattern.callback, "view_class", None)
        if view_class is None or not issubclass(view_class, SpreadsheetExportMixin) or not pattern.name:
            continue
        if pattern.callback.view_initkwargs.get("list_export", view_class.list_export):
            names.append(":".join((*namespaces, pattern.name)))
    return names


#: Wagtail's page reports list pages, workflows and editors: nothing typed outside the editorial team
#: reaches them, and the test world has no locked pages or workflows. They must still hold no formula.
PAGE_REPORTS = {
    f"wagtailadmin_reports:{name}{results}"
    for name in ("locked_pages", "workflow", "workflow_tasks", "aging_pages")
    for results in ("", "_results")
}

#: Wagtail's redirects: no role of ours holds its permissions, so nobody here can export them.
CLOSED_TO_OUR_ROLES = {"wagtailredirects:index", "wagtailredirects:index_results"}

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
    # The site history's labels are written when something happens: one now, naming the person.
    log(instance=world.registration, action="wagtail.edit", user=world.people["programme_admin"])
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


def formula_problems(response, extension: str, *, must_show_hostile: bool = True) -> str | None:
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
    if must_show_hostile and not any(neutralised(value) for value in values):
        return "no hostile value reached it"
    return None


def test_the_walk_finds_every_listing_that_exports():
    found = set(exporting_listings())

    assert {"registrations:index", "trainer_profiles:index", "deliveries:index", "trainer_applications:index"} <= found
    assert {"wagtailadmin_reports:site_history", *PAGE_REPORTS} <= found


def test_wagtail_reports_are_still_for_admin_users_only(client, make_user):
    client.force_login(make_user(Role.PARTICIPANT))

    for name in ("wagtailadmin_reports:site_history", "wagtailadmin_reports:aging_pages_results"):
        response = client.get(reverse(name), {"export": "csv"})
        assert response.status_code in (302, 403), name


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_no_export_holds_a_formula(client, hostile_world, extension):
    """One world for every export (building it is the slow part), every problem reported at once."""
    listings = set(exporting_listings()) - CLOSED_TO_OUR_ROLES
    for name in CLOSED_TO_OUR_ROLES:
        assert client.get(reverse(name), {"export": extension}).status_code == 302, name
    urls = {reverse(name) + f"?export={extension}": name not in PAGE_REPORTS for name in listings}
    for name, kwargs in DATASET_EXPORTS.items():
        urls[reverse(name, kwargs=kwargs(hostile_world, extension))] = True

    problems = {
        url: problem
        for url, must_show_hostile in urls.items()
        if (problem := formula_problems(client.get(url), extension, must_show_hostile=must_show_hostile))
    }

    assert not problems, "\n".join(f"{url}: {problem}" for url, problem in problems.items())
