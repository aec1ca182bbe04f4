"""The trainer's own pages: apply, the private CV, my pathway, my deliveries, sign-offs, the T4T day."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.roles import Role
from trainers import interfaces
from trainers.models import Application, DeliveryAssignment, Stage, T4TPlace, TrainerProfile
from trainers.tests.factories import ApplicationFactory, AssignmentFactory, TrainerProfileFactory, cv_upload

Role_ = DeliveryAssignment.Role


def test_anyone_signed_in_applies_with_a_cv_and_statements(client, make_user, region, criteria):
    person = make_user(Role.PARTICIPANT)
    client.force_login(person)
    page = client.get(reverse("trainers:apply")).content.decode()
    assert "Trainer criterion 1" in page and "Lead Trainer: Lead criterion 1" in page

    data = {
        "region": region.pk,
        "background": "professional",
        "training_experience": "experienced",
        "cv": cv_upload(),
        **{f"statement_{c.pk}": "My example" for c in criteria if c.applies_to == "trainer"},
    }
    response = client.post(reverse("trainers:apply"), data)

    assert response.status_code == 302
    assert Application.objects.get().profile.person == person


def test_a_lead_application_without_its_statements_shows_the_errors(client, make_user, region, criteria):
    client.force_login(make_user())
    data = {"region": region.pk, "background": "professional", "training_experience": "new", "cv": cv_upload()}
    data |= {f"statement_{c.pk}": "Example" for c in criteria if c.applies_to == "trainer"}

    page = client.post(reverse("trainers:apply"), {**data, "for_lead": "on"}).content.decode()

    assert "Write a supporting statement" in page and not Application.objects.exists()


@pytest.fixture
def application(make_trainer, region):
    person = make_trainer(Stage.APPLICANT)
    return ApplicationFactory(profile=TrainerProfile.objects.get(person=person))


@pytest.mark.parametrize(
    ("who", "status"),
    [("applicant", 200), ("assessor", 200), ("programme_admin", 200), ("other_trainer", 404), ("facilitator", 404)],
)
def test_a_cv_is_private_to_the_applicant_and_assessors(
    client, application, make_user, make_trainer, request, who, status
):
    assessor = make_trainer(Stage.LEAD)
    Application.objects.filter(pk=application.pk).update(assessor=assessor)
    person = {
        "applicant": lambda: application.profile.person,
        "assessor": lambda: assessor,
        "programme_admin": lambda: request.getfixturevalue("programme_admin"),
        "other_trainer": lambda: make_trainer(Stage.LEAD),
        "facilitator": lambda: request.getfixturevalue("facilitator"),
    }[who]()
    client.force_login(person)

    response = client.get(reverse("trainers:cv", args=[application.pk]))

    assert response.status_code == status
    if status == 200:
        assert response["Content-Disposition"].startswith("attachment")
        assert response["Cache-Control"] == "private, no-store"


def test_the_cv_is_not_under_a_public_address(application, settings):
    assert "/private/" in application.cv.path
    assert not application.cv.path.startswith(str(settings.MEDIA_ROOT / "trainers"))


def pathway_queries(client, person) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("trainers:pathway")).status_code == 200
    return len(queries)


def test_my_pathway_reads_a_fixed_number_of_queries_as_trainers_and_deliveries_grow(
    client, make_trainer, make_user, region, make_cohort, lead_trainer
):
    trainee = make_trainer(Stage.T4T_COMPLETED, mentor=lead_trainer)
    client.force_login(trainee)
    AssignmentFactory(cohort=make_cohort(days=(-5, -4)), trainer=trainee, role=Role_.SHADOW)
    pathway_queries(client, trainee)  # the programme's settings, read once per process, are then in memory
    first = pathway_queries(client, trainee)

    for _ in range(8):
        TrainerProfileFactory(person=make_user(Role.TRAINER), region=region)
        AssignmentFactory(cohort=make_cohort(days=(-5, -4)), trainer=trainee, role=Role_.SHADOW, reflection="x")

    assert pathway_queries(client, trainee) == first


def test_my_pathway_shows_each_step_and_what_is_left(client, make_trainer, lead_trainer):
    trainee = make_trainer(Stage.T4T_COMPLETED, mentor=lead_trainer, background="parent_carer")
    client.force_login(trainee)

    page = client.get(reverse("trainers:pathway")).content.decode()

    assert 'aria-current="step"' in page and "Shadowing an experienced trainer" in page
    assert "2 of 5 steps done" in page
    assert "Parent carer trainer" in page
    assert "0 of 1 needed signed off" in page


def test_without_a_record_the_pathway_page_invites_an_application(client, make_user):
    client.force_login(make_user())

    assert reverse("trainers:apply") in client.get(reverse("trainers:pathway")).content.decode()


def test_booking_t4t_without_the_pre_reading_says_why(client, make_trainer, make_cohort):
    candidate = make_trainer(Stage.IN_POOL)
    t4t = make_cohort(path="t4t", days=(20, 21), title="T4T, London")
    client.force_login(candidate)
    assert "T4T, London" in client.get(reverse("trainers:pathway")).content.decode()

    response = client.post(reverse("trainers:book_t4t", args=[t4t.pk]), follow=True)

    assert "condition of taking part" in response.content.decode()
    assert not T4TPlace.objects.exists()


@pytest.fixture
def past_shadowing(make_trainer, lead_trainer, make_cohort):
    trainee = make_trainer(Stage.T4T_COMPLETED, mentor=lead_trainer)
    return AssignmentFactory(cohort=make_cohort(days=(-3, -2), title="Camden, spring"), trainer=trainee, role="shadow")


def test_a_trainee_sends_a_reflection_from_their_delivery_page(client, past_shadowing):
    client.force_login(past_shadowing.trainer)
    url = reverse("trainers:delivery", args=[past_shadowing.pk])

    response = client.post(url, {"reflection": "1", "reflection-reflection": "I learned how to pace the day."})

    assert response.status_code == 302
    past_shadowing.refresh_from_db()
    assert past_shadowing.reflection == "I learned how to pace the day."
    assert "waiting for sign-off" in client.get(reverse("trainers:deliveries")).content.decode()


def test_a_delivery_page_is_only_the_trainers_own(client, past_shadowing, make_trainer):
    client.force_login(make_trainer())

    assert client.get(reverse("trainers:delivery", args=[past_shadowing.pk])).status_code == 404


def test_the_checklist_is_ticked_before_the_delivery_and_the_team_shows_whose_is_incomplete(
    client, make_trainer, make_cohort, experienced
):
    cohort = make_cohort(days=(10, 11))
    mine = AssignmentFactory(cohort=cohort, trainer=make_trainer(Stage.SHADOWED), role="co_trainer")
    AssignmentFactory(cohort=cohort, trainer=experienced, role="lead")
    client.force_login(mine.trainer)
    ticks = {
        f"checklist-{name}": "on"
        for name in ("guide_reviewed", "time_plan_drafted", "local_materials_gathered", "parents_prepared", "pack_sent")
    }

    client.post(
        reverse("trainers:delivery", args=[mine.pk]), {"checklist": "1", "checklist-introduction_reread": "on", **ticks}
    )

    page = client.get(reverse("trainers:delivery", args=[mine.pk])).content.decode()
    assert page.count("<strong>Incomplete:</strong>") == 1
    assert "Checklist complete" in client.get(reverse("trainers:deliveries")).content.decode()


def test_feedback_from_participants_appears_only_when_an_app_provides_it(client, past_shadowing, monkeypatch):
    client.force_login(past_shadowing.trainer)
    monkeypatch.setattr(interfaces, "_feedback_sources", [])
    assert "Feedback from participants" not in client.get(reverse("trainers:deliveries")).content.decode()

    feedback = interfaces.ParticipantFeedback(
        "Camden, spring", 12, [("The trainers were well prepared", "4.6 out of 5")]
    )
    monkeypatch.setattr(interfaces, "_feedback_sources", [lambda trainer: [feedback]])

    page = client.get(reverse("trainers:deliveries")).content.decode()
    assert "Feedback from participants" in page and "4.6 out of 5" in page


def test_a_lead_trainer_signs_off_but_never_sees_their_own_mentees(client, past_shadowing, lead_trainer, make_trainer):
    past_shadowing.reflection, past_shadowing.reflected_at = "Done", past_shadowing.assigned_at
    past_shadowing.save()
    client.force_login(lead_trainer)
    assert client.get(reverse("trainers:sign_off", args=[past_shadowing.pk])).status_code == 404

    other_lead = make_trainer(Stage.LEAD)
    client.force_login(other_lead)
    assert "Test Person" in client.get(reverse("trainers:sign_offs")).content.decode()
    client.post(reverse("trainers:sign_off", args=[past_shadowing.pk]))

    past_shadowing.refresh_from_db()
    assert past_shadowing.signed_off_by == other_lead


def test_sign_offs_are_for_lead_trainers(client, make_trainer):
    client.force_login(make_trainer(Stage.ACCREDITED))

    assert client.get(reverse("trainers:sign_offs")).status_code == 404


def test_the_t4t_lead_sees_suggested_groups_and_saves_them(client, make_cohort, lead_trainer, make_trainer):
    t4t = make_cohort(path="t4t", days=(0, 1))
    t4t.delivery_assignments.create(trainer=lead_trainer, role="lead")
    places = [
        T4TPlace.objects.create(cohort=t4t, profile=TrainerProfile.objects.get(person=make_trainer(Stage.IN_POOL)))
        for _ in range(5)
    ]
    client.force_login(lead_trainer)
    assert "Group 2" in client.get(reverse("trainers:t4t_day", args=[t4t.pk])).content.decode()

    data = {"plan": "1", **{f"group_{p.pk}": 1 for p in places}, "part_1": "Activity 6.1", "part_2": ""}
    client.post(reverse("trainers:t4t_day", args=[t4t.pk]), data)

    assert set(T4TPlace.objects.values_list("group_number", "part_to_deliver")) == {(1, "Activity 6.1")}
    client.force_login(places[0].profile.person)
    assert "Group 1: Activity 6.1" in client.get(reverse("trainers:pathway")).content.decode()


def test_only_the_t4t_team_opens_its_day(client, make_cohort, make_trainer):
    t4t = make_cohort(path="t4t", days=(0, 1))
    client.force_login(make_trainer(Stage.LEAD))

    assert client.get(reverse("trainers:t4t_day", args=[t4t.pk])).status_code == 404


def test_the_dashboard_shows_where_the_trainer_is(client, make_trainer):
    client.force_login(make_trainer(Stage.SHADOWED))

    page = client.get(reverse("dashboard_role", args=["trainer"])).content.decode()

    assert "Shadowing signed off" in page and reverse("trainers:pathway") in page


def test_a_mentor_follows_their_mentees_pathway_and_nobody_elses(client, make_trainer, lead_trainer):
    mentee = TrainerProfile.objects.get(person=make_trainer(Stage.SHADOWED, mentor=lead_trainer))
    stranger = TrainerProfile.objects.get(person=make_trainer(Stage.SHADOWED))
    client.force_login(lead_trainer)

    dashboard = client.get(reverse("dashboard_role", args=["trainer"])).content.decode()
    page = client.get(reverse("trainers:trainee_pathway", args=[mentee.pk])).content.decode()

    assert reverse("trainers:trainee_pathway", args=[mentee.pk]) in dashboard
    assert "Shadowing signed off" in page and "Download the CV" not in page
    assert client.get(reverse("trainers:trainee_pathway", args=[stranger.pk])).status_code == 404


def test_a_trainer_cannot_open_another_trainers_application_anywhere(client, application, make_trainer):
    client.force_login(make_trainer(Stage.LEAD))

    assert client.get(reverse("trainer_applications:inspect", args=[application.pk])).status_code == 403
    assert client.get(reverse("trainers:trainee_pathway", args=[application.profile_id])).status_code == 404
    assert client.get(reverse("trainers:assess", args=[application.profile_id])).status_code == 404


def test_a_malformed_cohort_in_the_address_is_not_found(client, application, lead_trainer):
    client.force_login(lead_trainer)

    assert client.get(reverse("trainers:assess", args=[application.profile_id]) + "?cohort=abc").status_code == 404


def test_my_deliveries_reads_a_fixed_number_of_queries_as_deliveries_grow(client, make_trainer, make_cohort):
    trainer = make_trainer(Stage.ACCREDITED)
    client.force_login(trainer)
    AssignmentFactory(cohort=make_cohort(days=(-9, -8)), trainer=trainer, role="lead")
    AssignmentFactory(cohort=make_cohort(days=(9, 10)), trainer=trainer, role="lead")
    client.get(reverse("trainers:deliveries"))  # the programme's settings, read once per process, are then in memory
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("trainers:deliveries"))

    for offset in range(3, 30, 3):
        AssignmentFactory(cohort=make_cohort(days=(offset * 10, offset * 10 + 1)), trainer=trainer, role="lead")
        AssignmentFactory(cohort=make_cohort(days=(-offset * 10, -offset * 10 + 1)), trainer=trainer, role="lead")

    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("trainers:deliveries")).content.decode()
    assert len(many) == len(few)
    assert page.count("Lead trainer") == 20
