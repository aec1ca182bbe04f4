"""Odd input never breaks the platform (issue #8 point 6): every case ends in a clear validation
message or in success — never a server error, never a half-written record."""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import given
from hypothesis import strategies as st

from core.roles import Role
from core.tests.factories import UserFactory
from events.models import Registration
from events.models.choices import ApplyingAs
from events.services.imports import registrations_import, registrations_import_preview
from events.spreadsheets import read_dataset
from tests.strategies import ODD_TEXT, SLOW, no_nul

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_cohort(make_cohort):
    return make_cohort()


@SLOW
@given(
    coming_as=st.sampled_from(ApplyingAs.values),
    answers=st.fixed_dictionaries({}, optional={name: ODD_TEXT for name in Registration.ANSWER_FIELDS}),
)
def test_the_registration_form_answers_any_input_with_a_page_not_an_error(client, open_cohort, coming_as, answers):
    person = UserFactory()
    client.force_login(person)

    url = f"/cohorts/{open_cohort.pk}/register/?as={coming_as}"
    response = client.post(url, {k: no_nul(v) for k, v in answers.items()})

    assert response.status_code in (200, 302)
    registered = Registration.objects.filter(person=person).exists()
    assert registered == (response.status_code == 302)
    if response.status_code == 200:
        assert "There is a problem" in response.content.decode()


CSV_CELL = ODD_TEXT.map(lambda text: '"' + text.replace('"', '""') + '"')


@SLOW
@given(
    header=st.lists(
        st.sampled_from(["email", "applying_as", "experience", "years_experience", "how_heard", "sectors", "x"]),
        max_size=7,
    ),
    rows=st.lists(st.lists(CSV_CELL, min_size=0, max_size=7), max_size=5),
)
def test_a_spreadsheet_of_anything_is_previewed_or_refused_and_never_half_imported(
    open_cohort, make_user, header, rows
):
    facilitator = make_user(Role.PROGRAMME_ADMIN)
    content = "\n".join([",".join(header), *[",".join(row) for row in rows]]).encode()
    before = Registration.objects.count()

    try:
        dataset = read_dataset(content, "csv")
        registrations_import_preview(cohort=open_cohort, dataset=dataset, actor=facilitator)
        with transaction.atomic():
            registrations_import(cohort=open_cohort, dataset=dataset, actor=facilitator)
    except ValidationError as error:
        assert error.messages
        assert Registration.objects.count() == before
    except Exception as error:  # noqa: BLE001 - tablib's parser refusing a malformed file is a refusal too
        assert type(error).__module__.startswith(("tablib", "csv", "_csv")), repr(error)
        assert Registration.objects.count() == before


@SLOW
@given(content=st.binary(max_size=2000))
def test_random_bytes_as_a_spreadsheet_are_refused_cleanly(open_cohort, make_user, content):
    before = Registration.objects.count()
    try:
        dataset = read_dataset(content, "xlsx")
        registrations_import_preview(cohort=open_cohort, dataset=dataset, actor=make_user(Role.PROGRAMME_ADMIN))
    except ValidationError:
        pass
    except Exception as error:  # noqa: BLE001
        assert type(error).__module__.split(".")[0] in {"zipfile", "openpyxl", "tablib", "KeyError"}, repr(error)
    assert Registration.objects.count() == before
