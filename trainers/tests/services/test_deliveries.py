"""Checklist before each delivery, reflection after it, sign-off by a Lead Trainer who is not the mentor."""

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from core.models import Notification
from courses.models import ProgrammePage
from courses.tests.factories import TrainerGuidePageFactory
from trainers.models import DeliveryAssignment, DeliveryChecklist, Stage, TrainerProfile
from trainers.services.deliveries import assignment_sign_off, checklist_update, reflection_submit
from trainers.tests.factories import AssignmentFactory

Role = DeliveryAssignment.Role
TICKS = {name: True for name, _ in DeliveryChecklist.TICKS}


@pytest.fixture
def shadowing(make_trainer, lead_trainer, make_cohort):
    """A trainee who shadowed a cohort that ended yesterday, mentored by `lead_trainer`."""
    trainee = make_trainer(Stage.T4T_COMPLETED, mentor=lead_trainer)
    cohort = make_cohort(days=(-2, -1))
    return AssignmentFactory(cohort=cohort, trainer=trainee, role=Role.SHADOW)


@pytest.fixture
def reflected(shadowing):
    return reflection_submit(
        assignment=shadowing, reflection="I saw how the lead handled silence.", actor=shadowing.trainer
    )


@pytest.fixture
def other_lead(make_trainer):
    return make_trainer(Stage.LEAD)


def test_a_trainee_reflects_after_the_cohort(shadowing, audit):
    reflection_submit(assignment=shadowing, reflection="  I learned to wait.  ", actor=shadowing.trainer)

    shadowing.refresh_from_db()
    assert shadowing.reflection == "I learned to wait." and shadowing.reflected_at
    assert audit(shadowing) == ["trainers.reflection.submit"]


@pytest.mark.parametrize(
    ("problem", "code"),
    [("before", "not_delivered_yet"), ("someone_else", "not_your_assignment"), ("empty", "reflection_required")],
)
def test_a_reflection_comes_from_the_trainee_after_the_last_day(shadowing, make_trainer, audit, problem, code):
    actor = make_trainer() if problem == "someone_else" else shadowing.trainer
    if problem == "before":
        shadowing.cohort.sessions.update(date=shadowing.cohort.sessions.first().date.replace(year=2099))

    with pytest.raises(ValidationError) as refused:
        reflection_submit(assignment=shadowing, reflection="" if problem == "empty" else "Fine.", actor=actor)

    assert refused.value.code == code
    shadowing.refresh_from_db()
    assert not shadowing.reflected_at and not audit(shadowing)


def test_another_lead_trainer_signs_off_and_the_trainee_moves_on(reflected, other_lead, audit):
    assignment_sign_off(assignment=reflected, actor=other_lead)

    reflected.refresh_from_db()
    assert reflected.signed_off_by == other_lead
    assert audit(reflected) == ["trainers.reflection.submit", "trainers.assignment.sign_off"]
    profile = TrainerProfile.objects.get(person=reflected.trainer)
    assert profile.stage == Stage.SHADOWED
    assert audit(profile) == ["trainers.pathway.shadowed"]
    assert Notification.objects.filter(recipient=reflected.trainer, message="trainers.signed_off").exists()


def test_a_mentor_does_not_sign_off_their_own_mentee(reflected, lead_trainer, audit):
    with pytest.raises(ValidationError) as refused:
        assignment_sign_off(assignment=reflected, actor=lead_trainer)

    assert refused.value.code == "mentor_cannot_sign_off"
    reflected.refresh_from_db()
    assert not reflected.signed_off_at
    assert audit(reflected) == ["trainers.reflection.submit"]
    assert TrainerProfile.objects.get(person=reflected.trainer).stage == Stage.T4T_COMPLETED


@pytest.mark.parametrize("who", ["trainee", "accredited", "suspended_lead"])
def test_only_an_active_lead_trainer_other_than_the_trainee_signs_off(reflected, make_trainer, who, audit):
    actor = {
        "trainee": lambda: reflected.trainer,
        "accredited": lambda: make_trainer(Stage.ACCREDITED),
        "suspended_lead": lambda: make_trainer(Stage.LEAD, standing="suspended"),
    }[who]()

    with pytest.raises(ValidationError) as refused:
        assignment_sign_off(assignment=reflected, actor=actor)

    assert refused.value.code == {"trainee": "own_sign_off"}.get(who, "not_lead_trainer")
    assert audit(reflected) == ["trainers.reflection.submit"]


def test_nothing_is_signed_off_without_a_reflection_or_twice(shadowing, other_lead):
    with pytest.raises(ValidationError) as refused:
        assignment_sign_off(assignment=shadowing, actor=other_lead)
    assert refused.value.code == "reflection_missing"

    reflection_submit(assignment=shadowing, reflection="Done.", actor=shadowing.trainer)
    assignment_sign_off(assignment=shadowing, actor=other_lead)
    with pytest.raises(ValidationError) as refused:
        assignment_sign_off(assignment=shadowing, actor=other_lead)
    assert refused.value.code == "already_signed_off"


def test_a_lead_delivery_needs_no_sign_off(delivered, lead_trainer, other_lead):
    assignment = delivered(lead_trainer)

    with pytest.raises(ValidationError) as refused:
        assignment_sign_off(assignment=assignment, actor=other_lead)

    assert refused.value.code == "no_sign_off_needed"


def test_shadowing_counts_are_a_setting(reflected, other_lead, set_pathway):
    set_pathway(shadowings_required=2)

    assignment_sign_off(assignment=reflected, actor=other_lead)

    assert TrainerProfile.objects.get(person=reflected.trainer).stage == Stage.T4T_COMPLETED


@pytest.fixture
def upcoming(make_trainer, make_cohort):
    return AssignmentFactory(cohort=make_cohort(days=(10, 11)), trainer=make_trainer(Stage.ACCREDITED))


@pytest.fixture
def introduction(courses):
    page = TrainerGuidePageFactory(parent=ProgrammePage.objects.get(), read_before_every_delivery=True)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@freeze_time("2026-12-01")
def test_the_introduction_re_read_is_dated_with_the_version_read(make_trainer, make_cohort, introduction, audit):
    assignment = AssignmentFactory(cohort=make_cohort(days=(10, 11)), trainer=make_trainer(Stage.ACCREDITED))

    checklist = checklist_update(assignment=assignment, actor=assignment.trainer, introduction_reread=True, ticks=TICKS)

    assert str(checklist.introduction_reread_on) == "2026-12-01"
    assert checklist.introduction_revision_id == introduction.live_revision_id
    assert checklist.missing_items(previous_delivery_end=None) == []
    assert audit(assignment) == ["trainers.checklist.update"]


def test_only_the_trainer_ticks_their_checklist(upcoming, make_trainer):
    with pytest.raises(ValidationError) as refused:
        checklist_update(assignment=upcoming, actor=make_trainer(), introduction_reread=True, ticks={})

    assert refused.value.code == "not_your_assignment"
    assert not DeliveryChecklist.objects.exists()


def test_a_re_read_before_the_previous_delivery_does_not_count_for_the_next(upcoming):
    checklist = checklist_update(assignment=upcoming, actor=upcoming.trainer, introduction_reread=True, ticks=TICKS)

    later_delivery_end = checklist.introduction_reread_on
    assert checklist.missing_items(previous_delivery_end=later_delivery_end) == [
        "the Introduction for Trainers re-read"
    ]


def test_signed_off_co_training_moves_the_trainee_to_co_trained(make_trainer, lead_trainer, make_cohort, audit):
    trainee = make_trainer(Stage.SHADOWED, mentor=lead_trainer)
    co_training = AssignmentFactory(cohort=make_cohort(days=(-2, -1)), trainer=trainee, role=Role.CO_TRAINER)
    reflection_submit(assignment=co_training, reflection="I summarised the key points.", actor=trainee)

    assignment_sign_off(assignment=co_training, actor=make_trainer(Stage.LEAD))

    profile = TrainerProfile.objects.get(person=trainee)
    assert profile.stage == Stage.CO_TRAINED
    assert audit(profile) == ["trainers.pathway.co_trained"]
