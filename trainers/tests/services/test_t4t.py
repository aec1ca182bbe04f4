"""Training for Trainers: the pre-reading gate, preparation, the day's groups, completion (issue #5 point 3)."""

import pytest
from django.core.exceptions import ValidationError

from core.models import Notification
from courses.tests.factories import SectionPageFactory
from trainers import interfaces
from trainers.models import CriterionAssessment, Stage, T4TPlace, TrainerProfile
from trainers.services.assessments import CriterionRating, assessment_record
from trainers.services.t4t import t4t_book, t4t_complete, t4t_plan_save, t4t_prereading_record
from trainers.tests.factories import TrainerProfileFactory


@pytest.fixture
def t4t(make_cohort, courses):
    for number, title in [(5, "Working in partnership"), (6, "Working together to improve outcomes")]:
        SectionPageFactory(parent=courses["day1"], number=number, title=title).save_revision().publish()
    return make_cohort(path="t4t", days=(20, 21), title="T4T, London", capacity=6)


@pytest.fixture
def candidate(make_trainer):
    return TrainerProfile.objects.get(person=make_trainer(Stage.IN_POOL))


@pytest.fixture
def prereading_done(candidate, programme_admin):
    return t4t_prereading_record(
        person=candidate.person, completed_on=candidate.created_at.date(), actor=programme_admin
    )


def test_no_place_without_the_pre_reading(t4t, candidate, audit):
    with pytest.raises(ValidationError) as refused:
        t4t_book(cohort=t4t, profile=candidate, actor=candidate.person)

    assert refused.value.code == "prereading_not_done"
    assert "condition of taking part" in refused.value.message
    assert not T4TPlace.objects.exists() and not Notification.objects.exists()


def test_a_candidate_who_did_the_reading_books_and_gets_the_preparation(t4t, candidate, prereading_done, audit):
    place = t4t_book(cohort=t4t, profile=candidate, actor=candidate.person)

    assert audit(place) == ["trainers.t4t.book"]
    message = Notification.objects.get(recipient=candidate.person, message="trainers.t4t_booked")
    assert "Day 1, Section 5: Working in partnership" in message.body_text
    assert "Day 1, Section 6" in message.body_text


def test_reading_progress_from_another_app_opens_the_gate(t4t, candidate, monkeypatch):
    """The feedback app registers its reading progress through `trainers.interfaces`."""
    monkeypatch.setattr(interfaces, "_prereading_sources", [lambda ids: set(ids)])

    assert t4t_book(cohort=t4t, profile=candidate, actor=candidate.person).cohort == t4t


@pytest.mark.parametrize(
    ("problem", "code"),
    [("not_t4t", "not_t4t"), ("applicant", "not_in_pool"), ("booked", "already_booked"), ("full", "t4t_full")],
)
def test_booking_rules(t4t, candidate, prereading_done, make_cohort, make_user, region, problem, code):
    cohort = make_cohort() if problem == "not_t4t" else t4t
    if problem == "applicant":
        TrainerProfile.objects.filter(pk=candidate.pk).update(stage=Stage.APPLICANT)
        candidate.refresh_from_db()
    if problem == "booked":
        t4t_book(cohort=t4t, profile=candidate, actor=None)
    if problem == "full":
        for _ in range(t4t.capacity):
            T4TPlace.objects.create(cohort=t4t, profile=TrainerProfileFactory(person=make_user(), region=region))
    before = T4TPlace.objects.count()

    with pytest.raises(ValidationError) as refused:
        t4t_book(cohort=cohort, profile=candidate, actor=None)

    assert refused.value.code == code
    assert T4TPlace.objects.count() == before


@pytest.fixture
def running(t4t, lead_trainer):
    t4t.delivery_assignments.create(trainer=lead_trainer, role="lead")
    return t4t


def test_the_lead_saves_the_groups_and_parts(running, candidate, lead_trainer, make_trainer, audit):
    place = T4TPlace.objects.create(cohort=running, profile=candidate)

    t4t_plan_save(cohort=running, plan={place.pk: (2, "Activity 5.2")}, actor=lead_trainer)

    place.refresh_from_db()
    assert (place.group_number, place.part_to_deliver) == (2, "Activity 5.2")
    assert audit(running) == ["trainers.t4t.plan"]
    with pytest.raises(ValidationError) as refused:
        t4t_plan_save(cohort=running, plan={place.pk: (1, "")}, actor=make_trainer(Stage.ACCREDITED))
    assert refused.value.code == "not_running_t4t"


def observe(place, assessor, criteria):
    assessment_record(
        profile=place.profile,
        source=CriterionAssessment.Source.T4T_OBSERVATION,
        ratings=[CriterionRating(c, "met") for c in criteria if c.applies_to == "trainer"],
        assessor=assessor,
        cohort=place.cohort,
    )


def test_completing_t4t_needs_the_day_over_and_an_observation(running, candidate, lead_trainer, criteria, audit):
    place = T4TPlace.objects.create(cohort=running, profile=candidate)
    with pytest.raises(ValidationError) as refused:
        t4t_complete(place=place, actor=lead_trainer)
    assert refused.value.code == "t4t_not_finished"

    running.sessions.update(date=candidate.created_at.date())
    with pytest.raises(ValidationError) as refused:
        t4t_complete(place=place, actor=lead_trainer)
    assert refused.value.code == "not_observed"
    assert TrainerProfile.objects.get(pk=candidate.pk).stage == Stage.IN_POOL

    observe(place, lead_trainer, criteria)
    t4t_complete(place=place, actor=lead_trainer)

    place.refresh_from_db()
    assert place.completed_at
    profile = TrainerProfile.objects.get(pk=candidate.pk)
    assert profile.stage == Stage.T4T_COMPLETED
    assert audit(profile)[-1] == "trainers.pathway.complete_t4t"


def test_with_no_shadowing_required_t4t_leads_straight_to_co_training(
    running, candidate, lead_trainer, criteria, set_pathway
):
    set_pathway(shadowings_required=0)
    place = T4TPlace.objects.create(cohort=running, profile=candidate)
    running.sessions.update(date=candidate.created_at.date())
    observe(place, lead_trainer, criteria)

    t4t_complete(place=place, actor=lead_trainer)

    assert TrainerProfile.objects.get(pk=candidate.pk).stage == Stage.SHADOWED
