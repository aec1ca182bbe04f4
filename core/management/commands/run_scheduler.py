"""`manage.py run_scheduler [--once]`: run the background jobs on their schedule (core.scheduling).

Run it as a service beside the task worker (docs/deployment.md). With `--once` it runs what is due
and stops, for a single cron line (`* * * * *`) instead of a service.
"""

import logging
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from core.scheduling import scheduled_jobs, scheduled_jobs_run_due

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the platform's background jobs (sweeps, recovery, retention) when they are due."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run what is due now, then stop.")

    def handle(self, *args, once: bool, **options):
        if not once:
            jobs = ", ".join(job.command for job in scheduled_jobs())
            self.stdout.write(f"Scheduling {jobs}; checking every {settings.SCHEDULER_TICK_SECONDS} s.")
        while True:
            try:
                for run in scheduled_jobs_run_due():
                    self.stdout.write(f"{run.command}: {run.outcome or 'done'}")
            except DatabaseError:
                if once:
                    raise
                logger.exception("The scheduler could not reach the database; it tries again next time")
            if once:
                return
            time.sleep(settings.SCHEDULER_TICK_SECONDS)
            close_old_connections()  # a connection the database dropped (a restart) is opened again
