"""Evaluation: versioned forms, one anonymous response per participant and day, results per trainer
(issue #6 point 4; 000:L2723, 004:L572–577)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from freezegun import freeze_time
from wagtail.models import ModelLogEntry

from feedback.models import EvaluationAnswer, EvaluationQuestion, EvaluationReceipt, EvaluationResponse, Scale
from feedback.selectors.evaluation import cohort_evaluation_summary, evaluation_table, trainer_evaluation_summary
from feedback.services.evaluation import evaluation_form_publish, evaluation_submit
from feedback.tests.factories import answers_for, attend, error_codes, evaluation_form, in_days


def submit(registration, session, form, trainers, **kwargs):
    return evaluation_submit(
        registration=registration,
        session=session,
        answers=answers_for(form, trainers, **kwargs),
        actor=registration.person,
    )


@pytest.fixture
def today_is_day2(day2):
    with freeze_time(day2.date):
        yield


def test_a_response_is_anonymous_yet_counted_once(day2, registration, form, trainer, today_is_day2):
    receipt = submit(registration, day2, form, [trainer], comment="Loved it")

    response = EvaluationResponse.objects.get()
    assert response.registration is None and response.version == form.current_version
    assert not hasattr(response, "person") and receipt.registration == registration
    assert {a.topic for a in response.answers.all()} == {"value", "trainer", "worthwhile", "comments"}
    entry = ModelLogEntry.objects.get(action="feedback.evaluation.submit")
    assert entry.user == registration.person and str(response.pk) not in str(entry.data)

    with pytest.raises(ValidationError) as again:
        submit(registration, day2, form, [trainer])
    assert again.value.code == "already_submitted"
    assert EvaluationResponse.objects.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        EvaluationReceipt.objects.create(session=day2, registration=registration, submitted_on=day2.date)


def test_a_named_form_keeps_the_link(day2, registration, trainer, today_is_day2):
    form = evaluation_form(anonymous=False)

    submit(registration, day2, form, [trainer])

    assert EvaluationResponse.objects.get().registration == registration


def test_a_response_keeps_the_version_it_answered(day2, registration, enrol, form, trainer, today_is_day2):
    submit(registration, day2, form, [trainer])
    first = form.current_version
    question = form.questions.get(topic="value")
    question.text = "Today was worth my time."
    question.save()

    second = evaluation_form_publish(form=form, actor=None)
    submit(enrol(), day2, form, [trainer])

    assert (first.number, second.number) == (1, 2)
    assert [r.version.number for r in EvaluationResponse.objects.order_by("version__number")] == [1, 2]
    assert first.questions[0]["text"] == "Today was of value."
    with pytest.raises(ValidationError) as unchanged:
        evaluation_form_publish(form=form, actor=None)
    assert unchanged.value.code == "nothing_to_publish"


@pytest.mark.parametrize(
    ("setup", "code"),
    [
        ("absent", "not_attended"),
        ("before_the_day", "not_open"),
        ("after_it_closed", "not_open"),
        ("someone_else", "not_yours"),
        ("no_form", "no_form"),
        ("bad_answer", "invalid_answer"),
        ("missing_answer", "answers_required"),
    ],
)
def test_refusals_write_nothing(day2, registration, trainer, make_user, setup, code):
    form = evaluation_form() if setup != "no_form" else None
    when, actor = day2.date, registration.person
    answers = answers_for(form, [trainer]) if form else {}
    if setup == "absent":
        attend(registration, day2, "absent")
    elif setup == "before_the_day":
        when = in_days(-4)
    elif setup == "after_it_closed":
        when = in_days(12)
    elif setup == "someone_else":
        actor = make_user()
    elif setup == "bad_answer":
        answers[form.current_version.questions[0]["key"]] = "9"
    elif setup == "missing_answer":
        del answers[form.current_version.questions[0]["key"]]

    with freeze_time(when), pytest.raises(ValidationError) as error:
        evaluation_submit(registration=registration, session=day2, answers=answers, actor=actor)

    assert error_codes(error.value) == {code}
    assert not EvaluationReceipt.objects.exists() and not EvaluationAnswer.objects.exists()


def test_results_aggregate_per_trainer(day1, day2, cohort, enrol, form, trainer, co_trainer, shadow, settings):
    """Each trainer's ratings stay theirs; shadows are not rated (they do not count as trainers)."""
    trainer.first_name, co_trainer.first_name = "Lead", "Co"
    trainer.save(), co_trainer.save()
    people = [enrol() for _ in range(3)]
    keys = {q["topic"]: q["key"] for q in form.current_version.questions}
    with freeze_time(day2.date):
        for person, (lead_score, co_score) in zip(people, [(5, 2), (4, 2), (5, 3)], strict=True):
            answers = answers_for(form, [], value=4)
            answers[f"{keys['trainer']}-{trainer.pk}"] = str(lead_score)
            answers[f"{keys['trainer']}-{co_trainer.pk}"] = str(co_score)
            evaluation_submit(registration=person, session=day2, answers=answers, actor=person.person)

    lead, co = trainer_evaluation_summary(trainer), trainer_evaluation_summary(co_trainer)

    assert lead.about_them.responses == 3 and co.about_them.responses == 3
    assert lead.about_them.topic("trainer").average == pytest.approx(91.7)  # (100 + 75 + 100) / 3
    assert lead.about_them.topic("trainer").positive_share == 100.0
    assert co.about_them.topic("trainer").average == pytest.approx(33.3)
    assert co.about_them.topic("trainer").positive_share == 0.0
    assert lead.their_days.topic("value").average == 75.0 and lead.their_days.topic("trainer") is None
    assert trainer_evaluation_summary(shadow).about_them.responses == 0
    assert not EvaluationAnswer.objects.filter(trainer=shadow).exists()
    rows = {row.name: row for row in evaluation_table("trainer")}
    assert rows[str(trainer)].results["trainer"].average == pytest.approx(91.7)
    assert rows[str(co_trainer)].responses == 3


def test_trainers_see_results_only_from_the_minimum_up(day2, registration, enrol, form, trainer, cohort):
    with freeze_time(day2.date):
        submit(registration, day2, form, [trainer], comment="Zebra crossing example helped")
        submit(enrol(), day2, form, [trainer], comment="Apples")

        assert cohort_evaluation_summary(cohort, for_trainers=True).hidden
        assert trainer_evaluation_summary(trainer).about_them.hidden
        staff_view = cohort_evaluation_summary(cohort, for_trainers=False)
        assert not staff_view.hidden and staff_view.comments == ["Apples", "Zebra crossing example helped"]

        submit(enrol(), day2, form, [trainer], worthwhile="no")

    summary = cohort_evaluation_summary(cohort, for_trainers=True)
    assert summary.responses == 3 and summary.topic("worthwhile").positive_share == pytest.approx(66.7)


def test_results_per_region_and_cohort(make_cohort, other_region, enrol, form, trainer, day2, cohort):
    elsewhere = make_cohort(region=other_region)
    elsewhere_day2 = elsewhere.sessions.get(course__kind="day2")
    with freeze_time(day2.date):
        submit(enrol(), day2, form, [trainer], value=5)
        submit(enrol(on=elsewhere), elsewhere_day2, form, [], value=1)

    by_region = {row.name: row.results["value"].average for row in evaluation_table("region")}
    by_cohort = {row.name: row.responses for row in evaluation_table("cohort")}

    assert by_region == {cohort.region.name: 100.0, other_region.name: 0.0}
    assert by_cohort == {cohort.title: 1, elsewhere.title: 1}


def test_a_scale_needs_two_answers_and_a_rating_question_a_scale():
    with pytest.raises(ValidationError):
        Scale(name="One", labels="Only").full_clean()
    with pytest.raises(ValidationError):
        EvaluationQuestion(topic="value", kind="scale", text="Rate it").clean()


def test_results_per_day_of_the_course(enrol, form, trainer, day1, day2):
    """Issue #23 point 7: Day 1 and Day 2 each get their own row, as cohorts and regions do."""
    person = enrol()
    with freeze_time(day1.date):
        submit(person, day1, form, [trainer], value=5)
    with freeze_time(day2.date):
        submit(person, day2, form, [trainer], value=1)

    by_day = {row.name: (row.responses, row.results["value"].average) for row in evaluation_table("day")}

    assert by_day == {day1.course.title: (1, 100.0), day2.course.title: (1, 0.0)}


def test_worthwhile_is_the_share_answering_yes(day2, enrol, form, trainer, cohort):
    with freeze_time(day2.date):
        for answer in ("yes", "yes", "yes", "no"):
            submit(enrol(), day2, form, [trainer], worthwhile=answer)

    worthwhile = cohort_evaluation_summary(cohort, for_trainers=False).topic("worthwhile")
    value = cohort_evaluation_summary(cohort, for_trainers=False).topic("value")

    assert worthwhile.is_yes_no and worthwhile.positive_share == 75.0
    assert worthwhile.in_words() == "75% answered yes"
    assert not value.is_yes_no and value.positive_means == "agree or strongly agree"
