"""The platform's background jobs on their schedule: `manage.py run_scheduler` (docs/deployment.md).

Each job is a management command (the sweeps of events and feedback, the notification recovery, the
retention run) run every so many seconds or daily at a local time (`SCHEDULED_COMMANDS`). When a job
last started is kept in `ScheduledRun`; a job is claimed by locking its row and recording the start
before it runs, so a restarted scheduler does not run a daily job twice the same day, and a second
scheduler skips a job the first is running. The jobs are idempotent anyway: every message is recorded
once per person and key (core.notifications).
"""

import datetime
import logging
from dataclasses import dataclass
from io import StringIO

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from core.models import ScheduledRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    command: str
    every: datetime.timedelta | None = None
    daily_at: datetime.time | None = None

    def is_due(self, last_started: datetime.datetime | None, now: datetime.datetime) -> bool:
        if self.every is not None:
            return last_started is None or now - last_started >= self.every
        today = timezone.localtime(now)
        if today.time() < self.daily_at:
            return False
        return last_started is None or timezone.localtime(last_started).date() < today.date()


def scheduled_jobs() -> list[Job]:
    """`SCHEDULED_COMMANDS`: {command: {"every": seconds} or {"daily_at": "HH:MM"}}."""
    jobs = []
    for command, when in settings.SCHEDULED_COMMANDS.items():
        if set(when) == {"every"} and when["every"] > 0:
            jobs.append(Job(command, every=datetime.timedelta(seconds=when["every"])))
        elif set(when) == {"daily_at"}:
            jobs.append(Job(command, daily_at=datetime.time.fromisoformat(when["daily_at"])))
        else:
            raise ImproperlyConfigured(
                f'SCHEDULED_COMMANDS["{command}"] needs either {{"every": seconds}} or {{"daily_at": "HH:MM"}}.'
            )
    return jobs


def scheduled_jobs_run_due(*, now: datetime.datetime | None = None) -> list[ScheduledRun]:
    """Run every job that is due, one after another; a failing job is recorded and the rest still run."""
    now = now or timezone.now()
    ran = []
    for job in scheduled_jobs():
        run = _claim(job, now)
        if run is None:
            continue
        output = StringIO()
        try:
            call_command(job.command, stdout=output, stderr=output)
            run.outcome = output.getvalue().strip()
        except Exception as error:  # noqa: BLE001 - one failing job must not stop the others
            logger.exception("Scheduled command %s failed", job.command)
            run.outcome = f"Failed: {type(error).__name__}: {error}"
        run.finished_at = timezone.now()
        run.save(update_fields=["outcome", "finished_at"])
        ran.append(run)
    return ran


@transaction.atomic
def _claim(job: Job, now: datetime.datetime) -> ScheduledRun | None:
    """The job's row with its start recorded, if it is due and no other scheduler holds it."""
    ScheduledRun.objects.get_or_create(command=job.command)
    run = ScheduledRun.objects.select_for_update(skip_locked=True).filter(command=job.command).first()
    if run is None or not job.is_due(run.started_at, now):
        return None
    run.started_at = now
    run.save(update_fields=["started_at"])
    return run
