"""The rostering rules (DOMAIN.md §6): accredited leads, an experienced co-trainer for a first lead
delivery, shadows not counting, nobody in two places at once, and the reasons a facilitator reads."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from core.models import Notification
from events.models import Cohort
from events.tests.factories import SessionFactory, in_days
from trainers.models import DeliveryAssignment, Stage, Standing, TrainerProfile
from trainers.rules import current_pathway_rules
from trainers.services.rostering import team_eligibility, team_set

Role = DeliveryAssignment.Role


@pytest.fixture
def cohort(make_cohort):
    return make_cohort(title="Camden, spring")


def refusal_codes(cohort, audit, **team) -> set[str]:
    """Set the team expecting a refusal; nothing is written: no assignment, no audit entry."""
    with pytest.raises(ValidationError) as refused:
        team_set(cohort=cohort, actor=None, **{"co_trainers": [], "shadows": [], **team})
    assert not cohort.delivery_assignments.exists()
    assert not audit(cohort)
    error = refused.value
    if hasattr(error, "error_dict"):
        return {e.code for field in error.error_dict.values() for e in field}
    return {e.code for e in error.error_list}


def test_an_experienced_lead_with_a_shadow_is_a_team_and_the_newcomers_are_told(
    cohort, experienced, make_trainer, audit
):
    shadow = make_trainer(Stage.T4T_COMPLETED)

    team = team_set(cohort=cohort, lead=experienced, co_trainers=[], shadows=[shadow], actor=None)

    assert {(a.trainer, a.role) for a in team} == {(experienced, Role.LEAD), (shadow, Role.SHADOW)}
    assert audit(cohort) == ["trainers.team.set"]
    assert Notification.objects.filter(message="trainers.team_assigned").count() == 2


def test_a_first_lead_delivery_with_an_experienced_co_trainer_is_a_team(cohort, make_trainer, experienced, audit):
    newly_accredited = make_trainer(Stage.ACCREDITED)

    team_set(cohort=cohort, lead=newly_accredited, co_trainers=[experienced], shadows=[], actor=None)

    assert cohort.delivery_assignments.get(role=Role.LEAD).trainer == newly_accredited
    assert audit(cohort) == ["trainers.team.set"]


def test_a_cohort_needs_a_lead(cohort, experienced, audit):
    assert refusal_codes(cohort, audit, lead=None, co_trainers=[experienced]) == {"lead_required"}


@pytest.mark.parametrize("stage", [Stage.IN_POOL, Stage.T4T_COMPLETED, Stage.SHADOWED, Stage.CO_TRAINED])
def test_the_lead_must_be_accredited(cohort, make_trainer, experienced, audit, stage):
    assert refusal_codes(cohort, audit, lead=make_trainer(stage), co_trainers=[experienced]) == {"lead_not_accredited"}


def test_a_first_lead_delivery_needs_an_experienced_co_trainer(cohort, make_trainer, audit):
    newly_accredited = make_trainer(Stage.ACCREDITED)

    assert refusal_codes(cohort, audit, lead=newly_accredited) == {"experienced_co_trainer_required"}


def test_an_accredited_co_trainer_who_never_led_is_not_experienced(cohort, make_trainer, audit):
    lead, co_trainer = make_trainer(Stage.ACCREDITED), make_trainer(Stage.ACCREDITED)

    assert refusal_codes(cohort, audit, lead=lead, co_trainers=[co_trainer]) == {"experienced_co_trainer_required"}


def test_shadows_do_not_count_toward_the_team(cohort, make_trainer, experienced, audit):
    newly_accredited = make_trainer(Stage.ACCREDITED)

    codes = refusal_codes(cohort, audit, lead=newly_accredited, shadows=[experienced])

    assert codes == {"experienced_co_trainer_required"}


def test_a_lead_delivery_only_counts_once_the_cohort_has_run(cohort, make_trainer, make_cohort, audit):
    lead, co_trainer = make_trainer(Stage.ACCREDITED), make_trainer(Stage.ACCREDITED)
    upcoming = make_cohort(days=(90, 97))
    upcoming.delivery_assignments.create(trainer=co_trainer, role=Role.LEAD)

    assert refusal_codes(cohort, audit, lead=lead, co_trainers=[co_trainer]) == {"experienced_co_trainer_required"}


def test_the_experienced_count_is_a_setting(cohort, make_trainer, experienced, set_pathway, audit):
    set_pathway(experienced_lead_deliveries=2)

    assert refusal_codes(cohort, audit, lead=make_trainer(Stage.ACCREDITED), co_trainers=[experienced]) == {
        "experienced_co_trainer_required"
    }


@pytest.mark.parametrize(
    ("stage", "role", "code"),
    [
        (Stage.IN_POOL, Role.SHADOW, "not_ready_to_shadow"),
        (Stage.T4T_COMPLETED, Role.CO_TRAINER, "not_ready_to_co_train"),
    ],
)
def test_trainees_take_the_role_their_pathway_allows(cohort, make_trainer, experienced, audit, stage, role, code):
    trainee = make_trainer(stage)
    team = {"co_trainers": [trainee]} if role == Role.CO_TRAINER else {"shadows": [trainee]}

    assert refusal_codes(cohort, audit, lead=experienced, **team) == {code}


def test_suspended_trainers_and_people_without_a_record_are_refused(
    cohort, make_trainer, make_user, experienced, audit
):
    suspended = make_trainer(Stage.ACCREDITED, standing=Standing.SUSPENDED)

    codes = refusal_codes(cohort, audit, lead=experienced, co_trainers=[suspended], shadows=[make_user()])

    assert codes == {"not_active", "not_a_trainer"}


def test_only_a_lead_trainer_leads_training_for_trainers(make_cohort, experienced, audit):
    t4t = make_cohort(path="t4t", days=(30, 31))

    assert refusal_codes(t4t, audit, lead=experienced) == {"lead_not_lead_trainer"}


def test_nobody_is_on_two_cohorts_at_the_same_time(cohort, make_cohort, experienced, make_trainer, audit):
    other = make_cohort(title="Croydon", days=(30, 58))
    other.delivery_assignments.create(trainer=experienced, role=Role.LEAD)

    assert refusal_codes(cohort, audit, lead=experienced) == {"double_booked"}


def test_the_same_day_at_other_hours_is_not_a_clash(cohort, make_cohort, courses, experienced, audit):
    morning_only = make_cohort(title="Croydon", days=())
    SessionFactory(
        cohort=morning_only,
        course=courses["day1"],
        date=in_days(30),
        starts_at=datetime.time(7),
        ends_at=datetime.time(9),
    )
    morning_only.delivery_assignments.create(trainer=experienced, role=Role.LEAD)

    team_set(cohort=cohort, lead=experienced, co_trainers=[], shadows=[], actor=None)

    assert audit(cohort) == ["trainers.team.set"]


def test_a_cancelled_cohort_does_not_clash(cohort, make_cohort, experienced):
    cancelled = make_cohort(title="Croydon", days=(30, 44), status=Cohort.Status.CANCELLED)
    cancelled.delivery_assignments.create(trainer=experienced, role=Role.LEAD)

    team_set(cohort=cohort, lead=experienced, co_trainers=[], shadows=[], actor=None)


def test_nobody_takes_two_roles(cohort, experienced, audit):
    assert refusal_codes(cohort, audit, lead=experienced, co_trainers=[experienced]) == {"duplicate_member"}


def test_a_second_role_is_refused_by_name_on_its_field(cohort, experienced, make_trainer):
    shadow = make_trainer(Stage.T4T_COMPLETED)
    with pytest.raises(ValidationError) as refused:
        team_set(cohort=cohort, lead=experienced, co_trainers=[shadow], shadows=[shadow, experienced], actor=None)

    assert refused.value.message_dict == {
        "shadows": [
            f"{shadow} is already a co-trainer. Choose someone else as a shadow.",
            f"{experienced} is already the lead trainer. Choose someone else as a shadow.",
        ]
    }
    assert not cohort.delivery_assignments.exists()


def test_a_delivered_cohorts_team_is_closed(make_cohort, experienced, audit):
    cohort = make_cohort(days=(-20, -19), status=Cohort.Status.DELIVERED)

    assert refusal_codes(cohort, audit, lead=experienced) == {"cohort_closed"}


def test_changing_the_team_keeps_signed_off_history(cohort, experienced, make_trainer, make_user, audit):
    shadow = make_trainer(Stage.T4T_COMPLETED)
    team_set(cohort=cohort, lead=experienced, co_trainers=[], shadows=[shadow], actor=None)
    DeliveryAssignment.objects.filter(trainer=shadow).update(
        reflection="Went well", reflected_at=datetime.datetime.now(datetime.UTC)
    )

    with pytest.raises(ValidationError) as refused:
        team_set(cohort=cohort, lead=experienced, co_trainers=[], shadows=[], actor=None)

    assert {e.code for e in refused.value.error_list} == {"assignment_has_history"}
    assert cohort.delivery_assignments.filter(trainer=shadow).exists()
    assert audit(cohort) == ["trainers.team.set"]


def test_the_team_is_replaced_as_a_whole(cohort, experienced, make_trainer):
    first, second = make_trainer(Stage.T4T_COMPLETED), make_trainer(Stage.SHADOWED)
    team_set(cohort=cohort, lead=experienced, co_trainers=[], shadows=[first], actor=None)

    team_set(cohort=cohort, lead=experienced, co_trainers=[second], shadows=[], actor=None)

    assert {(a.trainer, a.role) for a in cohort.delivery_assignments.all()} == {
        (experienced, Role.LEAD),
        (second, Role.CO_TRAINER),
    }


def test_a_facilitator_sees_each_trainers_eligibility_with_the_reason(cohort, make_trainer, experienced):
    trainee = make_trainer(Stage.T4T_COMPLETED)
    newcomer = make_trainer(Stage.ACCREDITED)
    profiles = TrainerProfile.objects.filter(person__in=[trainee, newcomer, experienced])

    rows = {
        row.profile.person: row.verdicts
        for row in team_eligibility(cohort, profiles, rules=current_pathway_rules(), today=in_days(0))
    }

    assert rows[trainee][Role.LEAD].reason == "is not an accredited trainer yet"
    assert rows[trainee][Role.CO_TRAINER].reason == "has no signed-off shadowing yet"
    assert rows[trainee][Role.SHADOW].eligible
    assert rows[newcomer][Role.LEAD].note == "first lead delivery: needs an experienced co-trainer"
    assert rows[experienced][Role.CO_TRAINER].note == "experienced co-trainer"
