"""Reading reminders at the settings' points, only to those not done, never twice (issue #6 point 1)."""

import datetime
import io

from django.core import mail
from django.core.management import call_command
from freezegun import freeze_time
from wagtail.models import Site

from core.models import Notification
from feedback import messages
from feedback.models import FeedbackSettings
from feedback.services.readings import reading_progress_save, reading_reminders_send_due
from feedback.tests.factories import in_days


def reminders(person=None):
    notifications = Notification.objects.filter(message=messages.READING_REMINDER)
    return notifications.filter(recipient=person) if person else notifications


def finish(registration, reading):
    reading_progress_save(
        person=registration.person,
        registration=registration,
        reading=reading,
        read_item_ids={item.pk for item in reading.items.all()},
        answers={q.pk: (q.choices[0].id if q.kind == "choice" else "My answer.") for q in reading.questions.all()},
        actor=registration.person,
    )


def at(days_from_now: int):
    return freeze_time(datetime.datetime.combine(in_days(days_from_now), datetime.time(7)))


def test_reminders_go_7_and_2_days_before_only_to_those_not_done_and_never_twice(make_cohort, enrol, programme):
    cohort = make_cohort(days=(20, 34))
    lagging, done = enrol(on=cohort), enrol(on=cohort)
    finish(done, programme["pre"])

    with at(12):
        assert reading_reminders_send_due() == 0  # 8 days before Day 1
    with at(13):
        assert reading_reminders_send_due() == 1  # 7 days before: the pre-reading, to the one not done
        assert reading_reminders_send_due() == 0  # run again: nothing more
    with at(15):
        assert reading_reminders_send_due() == 0
    with at(18):
        assert reading_reminders_send_due() == 1  # 2 days before

    assert reminders(lagging.person).count() == 2
    assert not reminders(done.person).exists()
    assert sorted(n.key for n in reminders()) == [
        f"reading-{programme['pre'].pk}-session-{cohort.sessions.get(course__kind='day1').pk}-{days}d"
        for days in (2, 7)
    ]


def test_a_sweep_that_missed_a_point_sends_only_the_latest(make_cohort, enrol):
    cohort = make_cohort(days=(20, 34))
    registration = enrol(on=cohort)

    with at(19):
        reading_reminders_send_due()

    assert [n.key.rsplit("-", 1)[1] for n in reminders(registration.person)] == ["2d"]


def test_the_points_are_a_setting(make_cohort, enrol):
    settings = FeedbackSettings.for_site(Site.objects.get(is_default_site=True))
    settings.reading_reminder_days = "10"
    settings.save()
    cohort = make_cohort(days=(20, 34))
    enrol(on=cohort)

    with at(9):
        assert reading_reminders_send_due() == 0
    with at(10):
        assert reading_reminders_send_due() == 1
    with at(18):
        assert reading_reminders_send_due() == 0


def test_people_who_stopped_optional_reminders_are_not_emailed(make_cohort, enrol):
    cohort = make_cohort(days=(20, 34))
    registration = enrol(on=cohort)
    registration.person.wants_optional_reminders = False
    registration.person.save()

    with at(13):
        reading_reminders_send_due()

    assert reminders(registration.person).get().status == Notification.Status.SKIPPED


def test_the_command_queues_and_the_worker_sends_them(make_cohort, enrol, run_tasks):
    cohort = make_cohort(days=(7, 21))
    registration = enrol(on=cohort)

    call_command("send_reading_reminders", stdout=io.StringIO())
    run_tasks()

    email = mail.outbox[-1]
    assert email.to == [registration.person.email]
    assert "Pre-reading" in email.body and f"/my/course/{registration.pk}/readings/" in email.body
    assert reminders(registration.person).get().status == Notification.Status.SENT
