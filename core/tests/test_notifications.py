"""Messages: rendered once, recorded per person, sent by the worker, never twice, retried on failure."""

import socket
from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings
from freezegun import freeze_time

from core.models import Notification
from core.notifications import message_types, notify, register_message
from core.roles import Role

GREETING = register_message("core.tests.greeting", "Greeting used by the tests")
REMINDER = register_message("core.tests.reminder", "Optional reminder used by the tests", optional=True)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_registered_messages_are_listed():
    names = [message_type.name for message_type in message_types()]

    assert "core.tests.greeting" in names
    assert names == sorted(names)


def test_notify_renders_and_records_the_message(make_user):
    person = make_user(Role.PARTICIPANT)

    notification = notify(message=GREETING.name, recipient=person, key="cohort-1", context={"start": "3 March"})

    assert notification.subject == "Hello Test"
    assert notification.body_text.startswith("Your course starts on 3 March.\n\n")
    assert notification.body_text.strip().endswith("The Early Support training team")
    assert "<strong>3 March</strong>" in notification.body_html
    assert notification.status == Notification.Status.QUEUED


def test_an_unknown_message_is_refused(make_user):
    with pytest.raises(ValueError, match="No message called"):
        notify(message="core.nothing", recipient=make_user(), key="x", context={})

    assert not Notification.objects.exists()


def test_the_worker_sends_it_once_even_when_asked_twice(make_user, run_tasks):
    person = make_user(Role.PARTICIPANT)

    with transaction.atomic():
        first = notify(message=GREETING.name, recipient=person, key="cohort-1", context={"start": "3 March"})
        second = notify(message=GREETING.name, recipient=person, key="cohort-1", context={"start": "4 March"})
    run_tasks()
    run_tasks()

    assert second is None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [person.email]
    assert mail.outbox[0].alternatives[0][1] == "text/html"
    first.refresh_from_db()
    assert first.status == Notification.Status.SENT
    assert first.sent_at is not None


def test_a_different_key_is_a_different_message(make_user, run_tasks):
    person = make_user(Role.PARTICIPANT)

    with transaction.atomic():
        notify(message=GREETING.name, recipient=person, key="cohort-1", context={"start": "3 March"})
        notify(message=GREETING.name, recipient=person, key="cohort-2", context={"start": "9 May"})
    run_tasks()

    assert len(mail.outbox) == 2


def test_attachments_go_with_the_email(make_user, run_tasks):
    person = make_user(Role.PARTICIPANT)

    with transaction.atomic():
        notify(
            message=GREETING.name,
            recipient=person,
            key="with-calendar",
            context={"start": "3 March"},
            attachments=[("course.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")],
        )
    run_tasks()

    assert mail.outbox[0].attachments[0][0] == "course.ics"


def test_optional_messages_are_not_sent_to_people_who_stopped_them(make_user, run_tasks):
    person = make_user(Role.PARTICIPANT)
    person.wants_optional_reminders = False
    person.save()

    with transaction.atomic():
        reminder = notify(message=REMINDER.name, recipient=person, key="reading-1", context={"start": "3 March"})
        greeting = notify(message=GREETING.name, recipient=person, key="cohort-1", context={"start": "3 March"})
    run_tasks()

    assert reminder.status == Notification.Status.SKIPPED
    assert [email.subject for email in mail.outbox] == [greeting.subject]


def test_a_refused_message_is_retried_later_then_sent(make_user, run_tasks):
    person = make_user(Role.PARTICIPANT)
    with freeze_time("2026-03-01 09:00"):
        with transaction.atomic():
            notification = notify(message=GREETING.name, recipient=person, key="cohort-1", context={"start": "x"})
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=closed_port(),
            EMAIL_TIMEOUT=2,
        ):
            run_tasks()
        notification.refresh_from_db()
        assert notification.status == Notification.Status.QUEUED
        assert notification.attempts == 1
        assert "ConnectionRefused" in notification.last_error
        run_tasks()  # the retry is not due yet
        assert not mail.outbox

    with freeze_time("2026-03-01 09:00") as frozen:
        frozen.tick(timedelta(minutes=2))
        run_tasks()

    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT
    assert notification.attempts == 2
    assert len(mail.outbox) == 1


def test_a_message_that_keeps_failing_is_marked_failed(make_user, run_tasks, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    settings.NOTIFICATION_MAX_ATTEMPTS, settings.NOTIFICATION_RETRY_SECONDS = 2, 0
    person = make_user(Role.PARTICIPANT)
    with transaction.atomic():
        notification = notify(message=GREETING.name, recipient=person, key="cohort-1", context={"start": "x"})

    run_tasks()

    notification.refresh_from_db()
    assert notification.status == Notification.Status.FAILED
    assert notification.attempts == 2
