"""Registering, the waiting list as places run out, cancelling and Day 1 moves (issue #4 points 2–3)."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from core.models import Notification
from core.roles import Role
from events import messages
from events.models import Cohort, Day1Completion, PlaceOffer, Registration
from events.selectors.sessions import sessions_for_registration
from events.services.registrations import (
    registration_cancel,
    registration_create,
    registration_move_day1,
    waiting_position,
)
from events.tests.factories import in_days, parent_carer, professional


def register(cohort, person, **answers):
    return registration_create(cohort=cohort, person=person, answers=professional(**answers), actor=person)


def refusal(cohort, person) -> str:
    """The code `register` is refused with; a refused registration writes nothing."""
    with pytest.raises(ValidationError) as refused:
        register(cohort, person)
    assert not Registration.objects.exists()
    return refused.value.code


def actions_for(instance) -> list[str]:
    return list(ModelLogEntry.objects.filter(object_id=str(instance.pk)).values_list("action", flat=True))


def test_a_free_place_is_confirmed_audited_and_emailed_with_the_dates(cohort, make_user, run_tasks):
    person = make_user()

    registration = register(cohort, person)
    run_tasks()

    assert registration.status == Registration.Status.CONFIRMED
    assert "events.registration.create" in actions_for(registration)
    assert person.has_role(Role.PARTICIPANT)
    confirmation = next(email for email in mail.outbox if "is confirmed" in email.subject)
    assert confirmation.to == [person.email]
    assert confirmation.attachments[0][0] == "course-dates.ics"
    assert "BEGIN:VEVENT" in confirmation.attachments[0][1]


def test_past_capacity_people_wait_in_the_order_they_registered(fill, make_cohort, make_user):
    cohort = make_cohort(capacity=6)
    fill(cohort, 6)
    first, second = make_user(), make_user()

    waiting = [register(cohort, first), register(cohort, second)]

    assert [registration.status for registration in waiting] == [Registration.Status.WAITING] * 2
    assert [waiting_position(registration) for registration in waiting] == [1, 2]
    assert Notification.objects.filter(message=messages.WAITING_LIST, recipient=second).exists()


@pytest.mark.parametrize(
    ("status", "days"),
    [(Cohort.Status.DRAFT, (30, 44)), (Cohort.Status.CANCELLED, (30, 44)), (Cohort.Status.RECRUITING, (0, 14))],
)
def test_only_cohorts_open_and_not_started_take_registrations(make_cohort, make_user, status, days):
    cohort = make_cohort(status=status, days=days)

    assert refusal(cohort, make_user()) == "not_open"


def test_nobody_registers_twice_on_a_cohort(cohort, participant):
    register(cohort, participant)

    with pytest.raises(ValidationError) as refused:
        register(cohort, participant)

    assert refused.value.code == "already_registered"
    assert Registration.objects.count() == 1


def test_without_the_waiting_list_a_full_cohort_refuses(fill, make_cohort, make_user):
    cohort = make_cohort(capacity=6)
    fill(cohort, 6)

    with pytest.raises(ValidationError) as refused:
        registration_create(cohort=cohort, person=make_user(), answers=professional(), actor=None, waiting_list=False)

    assert refused.value.code == "cohort_full"
    assert Registration.objects.count() == 6


def test_the_answers_follow_the_participant_form(cohort, participant):
    with pytest.raises(ValidationError) as refused:
        register(cohort, participant, sectors=[], organisation="")

    assert set(refused.value.error_dict) == {"sectors", "organisation"}
    assert not Registration.objects.exists()


def test_a_parent_carer_registers_without_work_details(cohort, participant):
    registration = registration_create(cohort=cohort, person=participant, answers=parent_carer(), actor=participant)

    assert registration.needs_preparation


def test_a_day2_only_cohort_needs_day1_done(make_cohort, participant):
    cohort = make_cohort(path="day2")

    assert refusal(cohort, participant) == "day1_required"

    Day1Completion.objects.create(person=participant, kind="equivalent", completed_on=in_days(-100), note="Leeds 2024")
    assert register(cohort, participant).status == Registration.Status.CONFIRMED


def test_training_for_trainers_takes_no_registrations(make_cohort, participant):
    cohort = make_cohort(path="t4t")

    assert refusal(cohort, participant) == "t4t_not_registered"
    assert not participant.notifications.exists()


def test_someone_who_did_day1_is_not_asked_to_come_again(cohort, participant):
    Day1Completion.objects.create(person=participant, kind="attended", completed_on=in_days(-30))

    registration = register(cohort, participant)

    assert registration.skips_day1
    assert [session.is_day1 for session in sessions_for_registration(registration)] == [False]


def test_cancelling_offers_the_place_to_the_first_person_waiting(fill, make_cohort, make_user):
    cohort = make_cohort(capacity=6)
    fill(cohort, 6)
    first, second = register(cohort, make_user()), register(cohort, make_user())
    leaving = Registration.objects.filter(status=Registration.Status.CONFIRMED).first()

    registration_cancel(registration=leaving, actor=leaving.person, reason="Cannot come")

    first.refresh_from_db(), second.refresh_from_db()
    assert (first.status, second.status) == (Registration.Status.OFFERED, Registration.Status.WAITING)
    assert PlaceOffer.objects.get().registration == first
    assert "events.registration.cancel" in actions_for(leaving)
    assert "events.offer.make" in actions_for(first)
    assert Notification.objects.filter(message=messages.PLACE_OFFERED, recipient=first.person).exists()


def test_a_cancelled_registration_cannot_be_cancelled_again(cohort, participant):
    registration = register(cohort, participant)
    registration_cancel(registration=registration, actor=participant, reason="")

    with pytest.raises(ValidationError) as refused:
        registration_cancel(registration=registration, actor=participant, reason="")

    assert refused.value.code == "already_cancelled"


def test_missing_day1_moves_only_day1_when_the_other_cohort_runs_it_first(make_cohort, participant, facilitator):
    own = make_cohort(days=(5, 40))
    other = make_cohort(days=(20, 60))
    registration = register(own, participant)

    registration_move_day1(registration=registration, to_cohort=other, actor=facilitator)

    registration.refresh_from_db()
    assert (registration.cohort, registration.day1_cohort) == (own, other)
    assert [(session.cohort_id, session.is_day1) for session in sessions_for_registration(registration)] == [
        (other.pk, True),
        (own.pk, False),
    ]
    assert other.places_taken() == 1
    assert "events.registration.move_day1" in actions_for(registration)
    assert Notification.objects.filter(message=messages.DAY1_MOVED, recipient=participant).exists()


def test_missing_day1_moves_the_whole_registration_when_the_other_day1_is_later(make_cohort, make_user):
    own = make_cohort(days=(5, 12), capacity=6)
    other = make_cohort(days=(20, 30))
    people = [make_user() for _ in range(6)]
    registrations = [register(own, person) for person in people]
    waiting = register(own, make_user())

    registration_move_day1(registration=registrations[0], to_cohort=other, actor=None)

    registrations[0].refresh_from_db(), waiting.refresh_from_db()
    assert registrations[0].cohort == other and registrations[0].day1_cohort is None
    assert waiting.status == Registration.Status.OFFERED


@pytest.mark.parametrize(
    ("setup", "code"),
    [
        ("done", "day1_already_done"),
        ("same", "not_a_day1_cohort"),
        ("day2_only", "not_a_day1_cohort"),
        ("full", "cohort_full"),
        ("started", "day1_not_open"),
        ("waiting", "not_confirmed"),
    ],
)
def test_day1_moves_are_refused_when_they_cannot_work(fill, make_cohort, make_user, participant, setup, code):
    own = make_cohort(days=(5, 40))
    other = make_cohort(path="day2" if setup == "day2_only" else "full", days=(20, 60), capacity=6)
    registration = register(own, participant)
    if setup == "done":
        Day1Completion.objects.create(person=participant, kind="attended", completed_on=in_days(-1))
    if setup == "full":
        fill(other, 6)
    if setup == "started":
        other.sessions.update(date=in_days(-1))
    if setup == "waiting":
        Registration.objects.filter(pk=registration.pk).update(status=Registration.Status.WAITING)

    with pytest.raises(ValidationError) as refused:
        registration_move_day1(registration=registration, to_cohort=own if setup == "same" else other, actor=None)

    assert refused.value.code == code
    registration.refresh_from_db()
    assert registration.cohort == own and registration.day1_cohort is None
