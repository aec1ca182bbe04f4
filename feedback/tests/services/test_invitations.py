"""The daily sweep after the days: evaluations, then each reflection and follow-up as it opens, once each."""

import datetime
import io

from django.core.management import call_command
from freezegun import freeze_time

from core.models import Notification
from feedback import messages
from feedback.services.invitations import after_course_invitations_send_due
from feedback.tests.factories import attend


def invited(message, person=None):
    notifications = Notification.objects.filter(message=message)
    return notifications.filter(recipient=person) if person else notifications


def test_attendees_are_invited_to_evaluate_each_day_once(day2, registration, enrol, form, trainer):
    absent = enrol()
    attend(absent, day2, "absent")

    with freeze_time(day2.date):
        after_course_invitations_send_due()
        after_course_invitations_send_due()

    assert invited(messages.EVALUATION_OPEN, registration.person).count() == 2  # Day 1 is still open too
    assert not invited(messages.EVALUATION_OPEN, absent.person).filter(key=f"session-{day2.pk}").exists()


def test_reflections_are_invited_on_their_day_and_not_before(questionnaires, day2, registration):
    attend(registration, day2)
    rp1_day = day2.date + datetime.timedelta(days=7)

    with freeze_time(rp1_day - datetime.timedelta(days=1)):
        after_course_invitations_send_due()
    assert not invited(messages.QUESTIONNAIRE_OPEN).exists()

    with freeze_time(rp1_day):
        call_command("send_after_course_invitations", stdout=io.StringIO())
        call_command("send_after_course_invitations", stdout=io.StringIO())

    notice = invited(messages.QUESTIONNAIRE_OPEN, registration.person).get()
    assert "Reflective Practice 1" in notice.subject


def test_stale_invitations_are_not_sent_by_a_late_sweep(questionnaires, day2, registration):
    attend(registration, day2)

    with freeze_time(day2.date + datetime.timedelta(days=40)):
        after_course_invitations_send_due()

    assert [n.subject for n in invited(messages.QUESTIONNAIRE_OPEN)] == ["Reflective Practice 3 is ready for you"]
