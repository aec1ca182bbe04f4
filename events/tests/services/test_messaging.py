"""Pre-course packs and agendas on time (000:L2670–2676), once each, recorded per participant."""

import datetime
import io

from django.core import mail
from django.core.management import call_command
from freezegun import freeze_time

from core.models import Notification
from events import messages
from events.models.rules import current_rules
from events.selectors.deadlines import overdue_messages
from events.services.messaging import cohort_messages_send_due
from events.services.registrations import registration_create
from events.tests.factories import RegistrationFactory, in_days, professional


def sent(message, person=None) -> int:
    notifications = Notification.objects.filter(message=message)
    return notifications.filter(recipient=person).count() if person else notifications.count()


def test_the_pack_goes_14_days_before_day1_and_agendas_7_days_before_each_day(make_cohort, participant):
    cohort = make_cohort(days=(30, 44))
    RegistrationFactory(cohort=cohort, person=participant)
    start = datetime.datetime.combine(in_days(0), datetime.time(6))

    with freeze_time(start + datetime.timedelta(days=15)):
        assert cohort_messages_send_due() == 0
    with freeze_time(start + datetime.timedelta(days=16)):
        assert cohort_messages_send_due() == 1
        assert cohort_messages_send_due() == 0
    with freeze_time(start + datetime.timedelta(days=23)):
        cohort_messages_send_due()
    with freeze_time(start + datetime.timedelta(days=37)):
        cohort_messages_send_due()

    assert sent(messages.PRE_COURSE_PACK, participant) == 1
    assert sent(messages.AGENDA, participant) == 2


def test_the_worker_sends_the_pack_with_the_reading_and_local_details(make_cohort, participant, run_tasks):
    cohort = make_cohort(days=(10, 20), local_details="Lunch is provided.")
    RegistrationFactory(cohort=cohort, person=participant)

    call_command("send_due_cohort_messages", stdout=io.StringIO())
    run_tasks()

    pack = next(email for email in mail.outbox if "pre-course pack" in email.subject)
    assert "Lunch is provided." in pack.body and cohort.venue.accessibility in pack.body
    assert Notification.objects.get(message=messages.PRE_COURSE_PACK).status == Notification.Status.SENT


def test_a_late_registrant_gets_what_is_already_due_at_once(make_cohort, participant):
    cohort = make_cohort(days=(5, 12))

    registration_create(cohort=cohort, person=participant, answers=professional(), actor=participant)

    assert sent(messages.REGISTRATION_CONFIRMED, participant) == 1
    assert sent(messages.PRE_COURSE_PACK, participant) == 1
    assert sent(messages.AGENDA, participant) == 1  # Day 1's; Day 2's falls due in 5 days


def test_overdue_messages_are_those_past_their_deadline_and_not_sent(make_cohort, participant, run_tasks):
    cohort = make_cohort(days=(30, 44))
    registration = RegistrationFactory(cohort=cohort, person=participant)
    rules = current_rules()

    assert overdue_messages([registration], rules=rules, today=in_days(10)) == []
    late = overdue_messages([registration], rules=rules, today=in_days(25))
    assert [item.label for item in late] == ["Pre-course pack", "Agenda and letter for Course day1"]

    with freeze_time(in_days(25)):
        cohort_messages_send_due()
    run_tasks()

    assert overdue_messages([registration], rules=rules, today=in_days(25)) == []
