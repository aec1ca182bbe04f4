"""The participant's course in the Wagtail admin: forms, results, escalated questions, exports (issue #6)."""

import datetime

import pytest
from django.urls import reverse
from freezegun import freeze_time

from core.models import Notification
from feedback import messages
from feedback.models import (
    CriticalIncident,
    EvaluationFormVersion,
    OpenQuestion,
    Questionnaire,
    QuestionnaireEntry,
    TrainerReflection,
)
from feedback.services.delivery import incident_record, trainer_reflection_save
from feedback.services.evaluation import evaluation_submit
from feedback.services.questionnaires import questionnaire_entry_save
from feedback.services.questions import question_escalate, question_record
from feedback.tests.factories import answers_for, attend

INDEXES = [
    "evaluation_results:index",
    "feedback_questions:index",
    "feedback_trainer_reflections:index",
    "feedback_incidents:index",
    "feedback_attendance:index",
    "accredited_route:index",
    "feedback_follow_ups:index",
    "feedback_forms:index",
    "feedback_scales:index",
    "feedback_questionnaires:index",
]


@pytest.mark.parametrize("name", INDEXES)
def test_programme_admins_open_every_screen(client, programme_admin, questionnaires, form, name):
    client.force_login(programme_admin)

    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("feedback_questions:index", 200),
        ("feedback_trainer_reflections:index", 200),
        ("feedback_attendance:index", 200),
        ("evaluation_results:index", 200),
        ("accredited_route:index", 200),
        ("feedback_forms:index", 403),
        ("feedback_incidents:index", 403),
        ("feedback_follow_ups:index", 403),
    ],
)
def test_facilitators_see_what_their_role_needs(client, facilitator, name, status):
    client.force_login(facilitator)

    assert client.get(reverse(name)).status_code in ((status,) if status == 200 else (302, 403))


def test_a_facilitator_sees_questions_of_their_regions_only(
    client, make_cohort, other_region, facilitator, trainer, day1
):
    mine = question_record(session=day1, text="Ours", actor=trainer)
    theirs_cohort = make_cohort(region=other_region)
    theirs_cohort.delivery_assignments.create(trainer=trainer, role="lead")
    theirs = question_record(session=theirs_cohort.sessions.get(course__kind="day1"), text="Theirs", actor=trainer)
    client.force_login(facilitator)

    listing = client.get(reverse("feedback_questions:index")).content.decode()

    assert "Ours" in listing and "Theirs" not in listing
    assert client.get(reverse("feedback_questions:inspect", args=[mine.pk])).status_code == 200
    assert client.get(reverse("feedback_questions:inspect", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("feedback_questions:answer", args=[theirs.pk])).status_code == 404


def test_answering_an_escalated_question_in_the_admin_feeds_it_back(
    client, programme_admin, day1, trainer, registration
):
    question = question_record(session=day1, text="Who decides?", actor=trainer)
    question_escalate(question=question, to="central", note="", actor=trainer)
    client.force_login(programme_admin)

    response = client.post(reverse("feedback_questions:answer", args=[question.pk]), {"answer": "The panel."})

    assert response.status_code == 302
    assert OpenQuestion.objects.get().status == "answered"
    assert Notification.objects.filter(message=messages.QUESTION_ANSWERED, recipient=registration.person).exists()


def test_publishing_a_form_from_the_admin_adds_a_version(client, programme_admin, form):
    question = form.questions.first()
    question.text = "Changed wording"
    question.save()
    client.force_login(programme_admin)
    assert (
        "Publish the current questions"
        in client.get(reverse("feedback_forms:inspect", args=[form.pk])).content.decode()
    )

    response = client.post(reverse("feedback_forms:publish", args=[form.pk]))

    assert response.status_code == 302
    assert EvaluationFormVersion.objects.filter(form=form).count() == 2


def test_results_export_as_csv_and_xlsx_with_formulas_escaped(client, programme_admin, make_cohort, enrol, form):
    cohort = make_cohort(title='=HYPERLINK("http://evil")')
    day2 = cohort.sessions.get(course__kind="day2")
    person = enrol(on=cohort)
    with freeze_time(day2.date):
        evaluation_submit(registration=person, session=day2, answers=answers_for(form, []), actor=person.person)
    client.force_login(programme_admin)

    csv = client.get(reverse("evaluation_results:export", args=["cohort", "csv"]))
    xlsx = client.get(reverse("evaluation_results:export", args=["region", "xlsx"]))

    assert csv["Content-Disposition"] == 'attachment; filename="evaluation-by-cohort.csv"'
    assert "'=HYPERLINK" in csv.content.decode() and "Value: average (0–100)" in csv.content.decode()
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert client.get(reverse("evaluation_results:export", args=["planet", "csv"])).status_code == 404


def test_the_accredited_route_list_is_exportable_for_the_university(client, programme_admin, day1, enrol, registration):
    flagged = enrol(accredited_route=True)
    attend(flagged, day1)
    client.force_login(programme_admin)

    page = client.get(reverse("accredited_route:index")).content.decode()
    csv = client.get(reverse("accredited_route:export", args=["csv"])).content.decode()

    assert flagged.person.email in csv and registration.person.email not in csv
    assert "Course day1" in csv and "Present" in csv
    assert str(flagged.person) in page


def test_every_inspect_page_opens(client, programme_admin, questionnaires, day1, day2, registration, trainer, form):
    attend(registration, day2)
    incident = incident_record(session=day1, what_happened="A sharp word", response="", actor=trainer)
    reflection = trainer_reflection_save(
        session=day2, trainer=trainer, answers={"feedback_to_facilitator": "All good"}, submit=True
    )
    follow_up = Questionnaire.objects.get(kind="follow_up")
    answers = {prompt.key: "Answer" for prompt in follow_up.prompts.filter(kind="text")}
    with freeze_time(day2.date + datetime.timedelta(days=100)):
        entry = questionnaire_entry_save(
            registration=registration, questionnaire=follow_up, answers=answers, actor=registration.person, submit=True
        )
    client.force_login(programme_admin)

    for name, pk in [
        ("feedback_incidents:inspect", incident.pk),
        ("feedback_trainer_reflections:inspect", reflection.pk),
        ("feedback_follow_ups:inspect", entry.pk),
        ("feedback_attendance:inspect", registration.attendance.get().pk),
        ("feedback_forms:inspect", form.pk),
    ]:
        response = client.get(reverse(name, args=[pk]))
        assert response.status_code == 200, name
    assert "Answer" in client.get(reverse("feedback_follow_ups:inspect", args=[entry.pk])).content.decode()
    assert CriticalIncident.objects.count() == 1 and TrainerReflection.objects.count() == 1
    assert QuestionnaireEntry.objects.count() == 1


def test_the_results_page_keeps_a_constant_number_of_queries(
    client, programme_admin, make_cohort, enrol, form, django_assert_max_num_queries
):
    def grow():
        cohort = make_cohort()
        day2 = cohort.sessions.get(course__kind="day2")
        with freeze_time(day2.date):
            for _ in range(2):
                person = enrol(on=cohort)
                evaluation_submit(registration=person, session=day2, answers=answers_for(form, []), actor=person.person)

    grow()
    client.force_login(programme_admin)
    url = reverse("evaluation_results:index")
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        assert client.get(url).status_code == 200
    grow()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("view", ["inspect", "history", "usage", "edit", "delete"])
def test_another_regions_record_is_not_there_for_a_facilitator(client, make_cohort, other_region, facilitator, view):
    cohort = make_cohort(region=other_region)
    trainer = cohort.delivery_assignments.create(trainer=facilitator, role="lead").trainer
    question = question_record(session=cohort.sessions.get(course__kind="day1"), text="Elsewhere", actor=trainer)
    cohort.delivery_assignments.all().delete()
    client.force_login(facilitator)

    response = client.get(reverse(f"feedback_questions:{view}", args=[question.pk]))

    assert response.status_code in (403, 404) or response["Location"] == "/admin/"  # Wagtail: permission denied
    assert "Elsewhere" not in response.content.decode()


def test_a_listing_shows_its_own_rows_after_another_listing_was_opened(client, programme_admin, questionnaires):
    """Issue #19 point 4: a listing's count kept per view class was shared by several listings."""
    client.force_login(programme_admin)
    assert client.get(reverse("consent_wording:index")).status_code == 200

    page = client.get(reverse("feedback_questionnaires:index")).content.decode()

    titles = list(Questionnaire.objects.values_list("title", flat=True))
    assert len(titles) == 7
    assert "There are no" not in page
    assert all(title in page for title in titles)
