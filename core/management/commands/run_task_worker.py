"""`manage.py run_task_worker`: the recovery (`recover_notifications`), then django-tasks' `db_worker`.

Production and `make worker` start the worker with this command, so a worker restarted after a crash
first puts right what the crash left (issue #8 point 4). Takes every `db_worker` option.
"""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from core.management.commands.recover_notifications import add_recovery_arguments
from core.notifications.recovery import notifications_recover


class Command(DatabaseWorkerCommand):
    help = "Recover what a killed worker left behind, then run the database task worker."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        add_recovery_arguments(parser)

    def handle(self, *args, running_after, queued_after, **options):
        recovery = notifications_recover(running_after=running_after, queued_after=queued_after)
        if options["verbosity"]:
            self.stdout.write(str(recovery))
        super().handle(*args, **options)
