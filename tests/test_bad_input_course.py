"""Odd input on a participant's course pages never breaks them (issue #8 point 6): reading answers and
reflective practice entries end in a page with a clear message or in success — never a server error,
never a half-written record.

A signed-in participant entitled to each page posts anything: odd Unicode (control characters, RTL
marks, emoji, NUL), huge values, spreadsheet formulas, several values where one is expected, choices
that are not offered, missing fields, a JSON body instead of a form. Each example runs in a savepoint
rolled back afterwards, so examples do not see each other's writes.
"""

import json
from contextlib import contextmanager

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from core.roles import Role
from courses.models import KeyWorkingFunction, Principle
from events.tests.factories import RegistrationFactory
from feedback.forms.participant import QuestionnaireForm
from feedback.models import Questionnaire, QuestionnaireEntry, ReadingAnswer, ReadingItemProgress
from feedback.services.questionnaires import questionnaire_entry_save
from feedback.tests import factories
from tests.strategies import ODD_TEXT, SLOW

pytestmark = pytest.mark.django_db

PROBLEM = "There is a problem"


@contextmanager
def rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def posted(value_strategy):
    """What one field may carry: a value, several values, or nothing at all."""
    return st.one_of(value_strategy, st.lists(value_strategy, max_size=3))


def post(client, url, data, *, as_json: bool, **headers):
    """Post as a browser does (a form always carries its CSRF token, which the test client does not
    check), or as JSON, which the pages do not read: an empty submission, so the form's problems
    show and nothing changes, or, where nothing is required, at most a draft is saved."""
    if as_json:
        return client.post(url, json.dumps(data), content_type="application/json", **headers)
    return client.post(url, {"csrfmiddlewaretoken": "token", **data}, **headers)


@pytest.fixture
def programme(db):
    return factories.build_programme()


@pytest.fixture
def registration(programme, make_user):
    """A participant with a confirmed place, who attended both days of a cohort delivered 70 days ago,
    so their readings and every reflection RP1–RP5 are open to them."""
    cohort = factories.make_cohort(programme, days=(-77, -70))
    registration = RegistrationFactory(cohort=cohort, person=make_user(Role.PARTICIPANT))
    for kind in ("day1", "day2"):
        factories.attend(registration, factories.day(cohort, kind))
    factories.seed_questionnaires()
    return registration


@pytest.fixture
def signed_in(client, registration):
    client.force_login(registration.person)
    return client


# --- Reading answers ------------------------------------------------------------------------------


@pytest.fixture
def reading(programme, registration):
    """The pre-reading, with one item already ticked and one answer already given."""
    pre = programme["pre"]
    ReadingItemProgress.objects.create(person=registration.person, item=pre.items.first())
    ReadingAnswer.objects.create(
        person=registration.person, question=pre.questions.get(kind="reflection"), text="What I wrote before"
    )
    return pre


def reading_state(person):
    return (
        sorted(ReadingItemProgress.objects.filter(person=person).values_list("item_id", flat=True)),
        sorted(ReadingAnswer.objects.filter(person=person).values_list("question_id", "choice_id", "text")),
    )


@SLOW
@given(data=st.data(), as_json=st.booleans())
def test_reading_answers_of_any_shape_give_a_page_or_are_saved_whole(signed_in, registration, reading, data, as_json):
    choice_question = reading.questions.get(kind="choice")
    fields = {f"item_{item.pk}": posted(st.one_of(st.just("on"), ODD_TEXT)) for item in reading.items.all()}
    fields |= {f"question_{q.pk}": posted(ODD_TEXT) for q in reading.questions.all()}
    fields[f"question_{choice_question.pk}"] = posted(
        st.one_of(st.sampled_from([block.id for block in choice_question.choices]), ODD_TEXT)
    )
    fields["question_999999"] = posted(ODD_TEXT)
    answers = data.draw(st.fixed_dictionaries({}, optional=fields))
    url = reverse("feedback:reading", args=[registration.pk, reading.pk])

    with rolled_back():
        before = reading_state(registration.person)
        response = post(signed_in, url, answers, as_json=as_json)

        assert response.status_code in (200, 302)
        if response.status_code == 200:
            assert PROBLEM in response.content.decode()
            assert reading_state(registration.person) == before
        else:
            saved = ReadingAnswer.objects.filter(person=registration.person)
            assert all("\x00" not in answer.text for answer in saved)


# --- Reflective practice --------------------------------------------------------------------------


def field_values(field) -> st.SearchStrategy:
    """Any text, and for a choice field also the choices it offers (numbers of principles, letters of
    functions, course sessions), so valid and invalid answers both get tried."""
    choices = getattr(field, "choices", None)
    if not choices:
        return ODD_TEXT
    offered = []
    for value, label in choices:
        grouped = isinstance(label, list | tuple)
        offered.extend(str(v) for v, _ in label) if grouped else offered.append(str(value))
    return st.one_of(st.sampled_from(offered), ODD_TEXT)


def entry_state(registration):
    return sorted(
        QuestionnaireEntry.objects.filter(registration=registration).values_list(
            "questionnaire_id", "status", "answers"
        ),
        key=repr,
    )


@SLOW
@given(
    data=st.data(),
    number=st.integers(min_value=1, max_value=5),
    action=st.one_of(st.sampled_from(["draft", "submit"]), ODD_TEXT),
    autosave=st.booleans(),
    as_json=st.booleans(),
)
def test_reflections_of_any_shape_give_a_page_or_are_saved_whole(
    signed_in, registration, data, number, action, autosave, as_json
):
    questionnaire = Questionnaire.objects.get(kind=Questionnaire.Kind.REFLECTION, number=number)
    prompts = list(questionnaire.prompts.all())
    form = QuestionnaireForm(
        prompts=prompts,
        principles=list(Principle.objects.all()),
        functions=list(KeyWorkingFunction.objects.all()),
        answers={},
    )
    fields = {name: posted(field_values(field)) for name, field in form.fields.items()}
    fields["action"] = st.just(action)
    fields["not_a_question"] = posted(ODD_TEXT)
    answers = data.draw(st.fixed_dictionaries({}, optional=fields))
    url = reverse("feedback:questionnaire", args=[registration.pk, questionnaire.pk])
    headers = {"HTTP_X_AUTOSAVE": "1"} if autosave else {}

    with rolled_back():
        questionnaire_entry_save(
            registration=registration, questionnaire=questionnaire, answers={}, actor=registration.person, submit=False
        )
        before = entry_state(registration)
        response = post(signed_in, url, answers, as_json=as_json, **headers)

        if autosave:
            assert response.status_code in (200, 400)
            assert response.json()["saved"] is (response.status_code == 200)
            failed = response.status_code == 400
        else:
            assert response.status_code in (200, 302)
            failed = response.status_code == 200
            if failed:
                assert PROBLEM in response.content.decode()
        if failed:
            assert entry_state(registration) == before
        else:
            entry = QuestionnaireEntry.objects.get(registration=registration, questionnaire=questionnaire)
            # A JSON body is not read: nothing asks to submit, so at most a draft is saved.
            submitted = not autosave and not as_json and answers.get("action") == "submit"
            assert entry.is_submitted is submitted
            assert "\x00" not in json.dumps(entry.answers)


# --- The named odd values, every one of them every run ----------------------------------------------

NAMED = {
    "NUL": "before\x00after",
    "control characters": "\x07\x1b[31m\x7f",
    "right-to-left override": "\u202eevil.exe\u202c",
    "emoji": "🙂👨‍👩‍👧" * 300,
    "formula": '=HYPERLINK("http://x","click")',
    "huge": "x" * 100_000,
}


@pytest.mark.parametrize("value", NAMED.values(), ids=NAMED.keys())
def test_each_named_odd_value_is_refused_with_a_message_or_kept_as_typed(signed_in, registration, reading, value):
    question = reading.questions.get(kind="reflection")
    before = reading_state(registration.person)

    response = post(
        signed_in,
        reverse("feedback:reading", args=[registration.pk, reading.pk]),
        {f"question_{question.pk}": value},
        as_json=False,
    )

    if "\x00" in value:
        assert response.status_code == 200 and "Null characters are not allowed" in response.content.decode()
        assert reading_state(registration.person) == before
    else:
        assert response.status_code == 302
        assert ReadingAnswer.objects.get(person=registration.person, question=question).text == value.strip()


@pytest.mark.parametrize("value", NAMED.values(), ids=NAMED.keys())
def test_each_named_odd_value_in_a_reflection_is_refused_with_a_message_or_kept_as_typed(
    signed_in, registration, value
):
    rp1 = Questionnaire.objects.get(kind=Questionnaire.Kind.REFLECTION, number=1)
    key = rp1.prompts.filter(kind="text").values_list("key", flat=True).first()
    url = reverse("feedback:questionnaire", args=[registration.pk, rp1.pk])

    response = post(signed_in, url, {key: value, "action": "draft"}, as_json=False)

    if "\x00" in value:
        assert response.status_code == 200 and "Null characters are not allowed" in response.content.decode()
        assert not QuestionnaireEntry.objects.filter(registration=registration).exists()
    else:
        assert response.status_code == 302
        assert QuestionnaireEntry.objects.get(registration=registration).answers[key] == value.strip()
