"""Who may cancel a place, and when (issue #21 point 3): a participant before their first day; after
that only the facilitator records a withdrawal, and never once the cohort is delivered. Whoever
cancels, the person is told once, with a calendar file that takes their days out."""

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from freezegun import freeze_time
from wagtail.models import ModelLogEntry

from core.models import Notification
from events.models import Cohort, Registration
from events.services.registrations import registration_cancel, registration_cancel_own
from events.tests.factories import RegistrationFactory, in_days


def assert_untouched(registration: Registration) -> None:
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert not ModelLogEntry.objects.filter(action="events.registration.cancel").exists()
    assert not Notification.objects.filter(message="events.place_cancelled").exists()


def test_a_participant_cancels_before_their_first_day_and_is_told_once(cohort, participant, run_tasks):
    mine = RegistrationFactory(cohort=cohort, person=participant)

    registration_cancel_own(registration=mine, actor=participant)
    run_tasks()

    mine.refresh_from_db()
    assert mine.status == Registration.Status.CANCELLED
    (message,) = mail.outbox
    assert message.to == [participant.email] and cohort.title in message.subject
    ((_, content, _),) = message.attachments
    assert icalendar.Calendar.from_ical(content)["method"] == "CANCEL"


def test_a_participant_cannot_cancel_once_the_course_has_started(cohort, participant):
    mine = RegistrationFactory(cohort=cohort, person=participant)

    with freeze_time(in_days(30)), pytest.raises(ValidationError) as refused:
        registration_cancel_own(registration=mine, actor=participant)

    assert refused.value.code == "course_started"
    assert_untouched(mine)


def test_nobody_cancels_someone_elses_place_as_their_own(cohort, participant, make_user):
    theirs = RegistrationFactory(cohort=cohort, person=make_user())

    with pytest.raises(ValidationError) as refused:
        registration_cancel_own(registration=theirs, actor=participant)

    assert refused.value.code == "not_yours"
    assert_untouched(theirs)


def test_the_facilitator_withdraws_someone_after_the_first_day_and_they_are_told(cohort, participant, facilitator):
    mine = RegistrationFactory(cohort=cohort, person=participant)

    with freeze_time(in_days(31)):
        registration_cancel(registration=mine, actor=facilitator, reason="Could not come back for Day 2")

    mine.refresh_from_db()
    assert mine.status == Registration.Status.CANCELLED
    (notice,) = Notification.objects.filter(message="events.place_cancelled")
    assert notice.recipient == participant and "Could not come back for Day 2" in notice.body_text


def test_no_withdrawal_once_the_cohort_is_delivered(make_cohort, participant, facilitator):
    cohort = make_cohort(days=(-20, -10), status=Cohort.Status.DELIVERED)
    mine = RegistrationFactory(cohort=cohort, person=participant)

    with pytest.raises(ValidationError) as refused:
        registration_cancel(registration=mine, actor=facilitator, reason="Tidying up")

    assert refused.value.code == "cohort_delivered"
    assert_untouched(mine)
