"""The background jobs run on their schedule, once, and a failing one stops nothing (core.scheduling)."""

import datetime
from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.models import ScheduledRun
from core.roles import Role
from core.scheduling import Job, scheduled_jobs, scheduled_jobs_run_due

pytestmark = pytest.mark.django_db


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2026, 11, day, hour, minute))


def test_a_job_every_hour_is_due_an_hour_after_it_last_started():
    job = Job("expire_waiting_list_offers", every=datetime.timedelta(hours=1))

    assert job.is_due(None, at(23, 9))
    assert not job.is_due(at(23, 9), at(23, 9, 59))
    assert job.is_due(at(23, 9), at(23, 10))


def test_a_daily_job_runs_once_a_day_from_its_time():
    job = Job("send_reading_reminders", daily_at=datetime.time(8, 0))

    assert not job.is_due(None, at(23, 7, 59))
    assert job.is_due(None, at(23, 8))
    assert not job.is_due(at(23, 8, 1), at(23, 23, 59))
    assert not job.is_due(at(23, 8, 1), at(24, 7, 59))
    assert job.is_due(at(23, 8, 1), at(24, 8))
    assert job.is_due(at(20, 8, 1), at(23, 15))  # days missed while stopped: run once, late


def test_every_scheduled_command_exists_and_runs(settings):
    """The programme's own schedule: each command is real and finishes (nothing due on an empty site)."""
    ran = scheduled_jobs_run_due(now=at(23, 23, 59))

    assert {run.command for run in ran} == set(settings.SCHEDULED_COMMANDS)
    assert not [run.outcome for run in ran if run.outcome.startswith("Failed")]
    assert all(run.finished_at for run in ScheduledRun.objects.all())


def test_a_restarted_scheduler_runs_nothing_before_it_is_due_again(settings):
    settings.SCHEDULED_COMMANDS = {
        "recover_notifications": {"every": 300},
        "send_due_cohort_messages": {"daily_at": "06:00"},
    }

    assert len(scheduled_jobs_run_due(now=at(23, 9))) == 2
    assert scheduled_jobs_run_due(now=at(23, 9, 4)) == []
    assert [run.command for run in scheduled_jobs_run_due(now=at(23, 9, 5))] == ["recover_notifications"]


def test_the_outcome_is_what_the_command_printed(settings):
    settings.SCHEDULED_COMMANDS = {"send_due_cohort_messages": {"daily_at": "06:00"}}

    scheduled_jobs_run_due(now=at(23, 6))

    assert ScheduledRun.objects.get(command="send_due_cohort_messages").outcome == "0 message(s) queued."


def test_a_failing_job_is_recorded_and_the_others_still_run(settings):
    settings.SCHEDULED_COMMANDS = {
        "no_such_command": {"every": 60},
        "send_due_cohort_messages": {"daily_at": "06:00"},
    }

    ran = scheduled_jobs_run_due(now=at(23, 6))

    assert [run.command for run in ran] == ["no_such_command", "send_due_cohort_messages"]
    failed = ScheduledRun.objects.get(command="no_such_command")
    assert failed.outcome.startswith("Failed: CommandError") and failed.finished_at
    assert ScheduledRun.objects.get(command="send_due_cohort_messages").outcome == "0 message(s) queued."


@pytest.mark.parametrize("when", [{}, {"every": 0}, {"every": 60, "daily_at": "06:00"}, {"at": "06:00"}])
def test_a_job_with_no_clear_schedule_is_refused_by_name(settings, when):
    settings.SCHEDULED_COMMANDS = {"send_reading_reminders": when}

    with pytest.raises(ImproperlyConfigured, match="send_reading_reminders"):
        scheduled_jobs()


def test_run_scheduler_once_runs_what_is_due_and_stops(settings):
    settings.SCHEDULED_COMMANDS = {"send_due_cohort_messages": {"every": 3600}}
    out = StringIO()

    call_command("run_scheduler", "--once", stdout=out)
    call_command("run_scheduler", "--once", stdout=out)

    assert out.getvalue() == "send_due_cohort_messages: 0 message(s) queued.\n"
    assert ScheduledRun.objects.get().started_at is not None


def test_programme_admins_see_when_each_job_last_ran_and_no_one_else_does(client, make_user, region, settings):
    settings.SCHEDULED_COMMANDS = {"send_due_cohort_messages": {"daily_at": "06:00"}}
    scheduled_jobs_run_due(now=at(23, 6))
    url = reverse("scheduled_runs:index")

    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))
    shown = client.get(url)
    client.force_login(make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]))
    refused = client.get(url)

    assert shown.status_code == 200
    assert "send_due_cohort_messages" in shown.text and "0 message(s) queued." in shown.text
    assert refused.status_code in (302, 403) and "send_due_cohort_messages" not in refused.text
