"""A change to a cohort's days or team meets the rostering rules (issue #21 point 2): events' change
service asks them through `events.interfaces`, and `team_set` applies them to a new team. A refusal
gives the reason and writes nothing; an accepted change of days tells the team once, with the days
as a calendar file that updates theirs."""

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from core.models import Notification
from events.models import Cohort
from events.services.cohorts import cohort_update
from events.tests.factories import RegistrationFactory, in_days
from events.tests.services.test_cohort_changes import edited, saved_days
from trainers.models import DeliveryAssignment, Stage
from trainers.services.rostering import team_set

Role = DeliveryAssignment.Role


@pytest.fixture
def cohort(make_cohort):
    return make_cohort(title="Camden, spring", status=Cohort.Status.RECRUITING)


def test_moving_a_day_onto_a_day_its_lead_leads_elsewhere_is_refused(cohort, make_cohort, experienced):
    team_set(cohort=cohort, lead=experienced, co_trainers=[], shadows=[], actor=None)
    elsewhere = make_cohort(title="Croydon", days=(50, 64))
    elsewhere.delivery_assignments.create(trainer=experienced, role=Role.LEAD)
    before = saved_days(cohort)
    Notification.objects.all().delete()

    with pytest.raises(ValidationError) as refused:
        cohort_update(cohort=edited(cohort, day2=in_days(50)), actor=None)

    assert [error.code for error in refused.value.error_list] == ["double_booked"]
    assert "Croydon" in refused.value.messages[0]
    assert saved_days(cohort) == before
    assert Cohort.objects.get(pk=cohort.pk).calendar_sequence == 0
    assert not ModelLogEntry.objects.filter(action="events.cohort.change").exists()
    assert not Notification.objects.exists()


def test_an_accepted_move_tells_the_team_and_participants_once(cohort, experienced, make_trainer, make_user, run_tasks):
    shadow = make_trainer(Stage.T4T_COMPLETED)
    team_set(cohort=cohort, lead=experienced, co_trainers=[], shadows=[shadow], actor=None)
    participant = RegistrationFactory(cohort=cohort, person=make_user()).person
    run_tasks()
    mail.outbox.clear()

    cohort_update(cohort=edited(cohort, day2=in_days(50)), actor=None)
    run_tasks()

    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        person.email for person in (experienced, shadow, participant)
    )
    to_lead = next(message for message in mail.outbox if message.to == [experienced.email])
    ((_, content, _),) = to_lead.attachments
    calendar = icalendar.Calendar.from_ical(content)
    assert calendar["method"] == "REQUEST"
    assert {event["uid"] for event in calendar.events} == {
        f"eskw-session-{pk}" for pk in cohort.sessions.values_list("pk", flat=True)
    }
    assert {event["sequence"] for event in calendar.events} == {1}


def test_a_team_change_that_breaks_the_first_lead_rule_keeps_the_team_as_it_was(
    cohort, make_trainer, experienced, audit
):
    newly_accredited = make_trainer(Stage.ACCREDITED)
    team_set(cohort=cohort, lead=newly_accredited, co_trainers=[experienced], shadows=[], actor=None)

    with pytest.raises(ValidationError) as refused:
        team_set(cohort=cohort, lead=newly_accredited, co_trainers=[], shadows=[], actor=None)

    assert {error.code for error in refused.value.error_list} == {"experienced_co_trainer_required"}
    assert set(cohort.delivery_assignments.values_list("trainer", "role")) == {
        (newly_accredited.pk, Role.LEAD),
        (experienced.pk, Role.CO_TRAINER),
    }
    assert audit(cohort) == ["trainers.team.set"]
