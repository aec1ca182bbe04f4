"""Importing a cohort's registrations: row-level problems in the preview, then all or nothing (issue #4 point 8)."""

import io

import openpyxl
import pytest
import tablib
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from core.models import Notification, User
from events.models import Day1Completion, Registration
from events.resources import RegistrationResource
from events.services.imports import ImportRejected, registrations_import, registrations_import_preview
from events.spreadsheets import export_bytes, read_dataset
from events.tests.factories import RegistrationFactory

HEADERS = [
    "email",
    "first_name",
    "last_name",
    "applying_as",
    "sectors",
    "organisation",
    "experience",
    "years_experience",
    "how_heard",
    "relation_to_child",
    "registered_on",
    "day1_completed_on",
]


def row(email, **overrides):
    values = {
        "email": email,
        "first_name": "Alex",
        "last_name": "Morgan",
        "applying_as": "A practitioner: I work with children, young people or families",
        "sectors": "Health; Education",
        "organisation": "Leeds Community Health",
        "experience": "some",
        "years_experience": "1-5",
        "how_heard": "From a colleague",
        "relation_to_child": "n/a",
        "registered_on": "01/09/2026",
        "day1_completed_on": "",
        **overrides,
    }
    return [values[header] for header in HEADERS]


def dataset(*rows):
    return tablib.Dataset(*rows, headers=HEADERS)


def problems(result) -> dict[int, list[str]]:
    return {
        invalid.number: [str(message) for messages in invalid.error_dict.values() for message in messages]
        for invalid in result.invalid_rows
    }


def test_the_preview_names_each_rows_problem_and_writes_nothing(make_cohort, fill):
    cohort = make_cohort(capacity=6)
    fill(cohort, 4)
    people_before = User.objects.count()
    rows = dataset(
        row("one@example.org"),
        row("two@example.org", sectors="Health; Helth"),
        row("one@example.org"),
        row("three@example.org", registered_on="31/31/2026"),
        row("four@example.org"),
        row("five@example.org"),
    )

    result = registrations_import_preview(cohort=cohort, dataset=rows, actor=None)

    found = problems(result)
    assert set(found) == {2, 3, 4, 6}
    assert "Unknown sector “Helth”" in found[2][0]
    assert found[3] == ["This email address is in the file twice."]
    assert "is not a date" in found[4][0]
    assert found[6] == ["More rows than places left on the cohort."]
    assert Registration.objects.count() == 4
    assert User.objects.count() == people_before
    assert not Notification.objects.exists()


def test_confirming_a_file_with_any_bad_row_imports_nothing(cohort):
    with pytest.raises(ImportRejected) as refused:
        registrations_import(
            cohort=cohort, dataset=dataset(row("ok@example.org"), row("bad@example.org", experience="lots")), actor=None
        )

    assert refused.value.code == "import_has_errors"
    assert refused.value.result.invalid_rows[0].number == 2
    assert not Registration.objects.exists()
    assert not User.objects.filter(email="ok@example.org").exists()
    assert not ModelLogEntry.objects.filter(action__startswith="events.").exists()


def test_a_clean_file_imports_every_row_through_the_registration_service(cohort, participant, facilitator):
    rows = dataset(row("new.person@example.org"), row(participant.email.upper(), first_name="", last_name=""))

    result = registrations_import(cohort=cohort, dataset=rows, actor=facilitator)

    assert result.totals["new"] == 2
    imported = Registration.objects.get(person__email="new.person@example.org")
    assert imported.status == Registration.Status.CONFIRMED
    assert imported.sectors == ["health", "education"]
    assert imported.registered_at.date().isoformat() == "2026-09-01"
    assert Registration.objects.filter(person=participant).exists()
    assert ModelLogEntry.objects.filter(action="events.registration.import", object_id=str(cohort.pk)).exists()
    assert ModelLogEntry.objects.filter(action="events.registration.create").count() == 2
    assert Notification.objects.filter(message="events.registration_confirmed").count() == 2


def test_a_day2_only_import_needs_the_day1_date(make_cohort):
    cohort = make_cohort(path="day2")

    result = registrations_import_preview(
        cohort=cohort,
        dataset=dataset(row("a@example.org"), row("b@example.org", day1_completed_on="2025-05-01")),
        actor=None,
    )

    assert problems(result) == {1: ["This cohort is Day 2 only: give the date they did Day 1."]}
    registrations_import(
        cohort=cohort, dataset=dataset(row("b@example.org", day1_completed_on="2025-05-01")), actor=None
    )
    assert Day1Completion.objects.get().kind == Day1Completion.Kind.EQUIVALENT


def test_a_file_without_the_columns_is_refused(cohort):
    with pytest.raises(ValidationError) as refused:
        registrations_import_preview(cohort=cohort, dataset=tablib.Dataset(["x"], headers=["name"]), actor=None)

    assert refused.value.code == "missing_columns"


def test_xlsx_and_csv_read_alike(cohort):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    sheet.append(row("sheet@example.org"))
    content = io.BytesIO()
    workbook.save(content)
    csv_text = dataset(row("sheet@example.org")).export("csv").encode()

    from_xlsx, from_csv = read_dataset(content.getvalue(), "xlsx"), read_dataset(csv_text, "csv")

    assert from_xlsx.dict == from_csv.dict


def test_exports_escape_spreadsheet_formulas(cohort, make_user):
    RegistrationFactory(
        cohort=cohort, person=make_user(), organisation='=HYPERLINK("http://evil")', job_title="@SUM(A1)"
    )

    exported = export_bytes(RegistrationResource(cohort=cohort).export(Registration.objects.all()), "csv")

    assert "'=HYPERLINK" in exported and "'@SUM(A1)" in exported
    assert ",=HYPERLINK" not in exported
