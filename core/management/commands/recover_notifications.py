"""`manage.py recover_notifications`: the scheduled recovery after a killed task worker (issue #8 point 4)."""

from django.core.management.base import BaseCommand

from core.notifications.recovery import notifications_recover


def add_recovery_arguments(parser) -> None:
    parser.add_argument(
        "--running-after",
        type=float,
        default=None,
        help="Seconds after which a RUNNING task counts as lost (default: TASK_RUNNING_TIMEOUT_SECONDS).",
    )
    parser.add_argument(
        "--queued-after",
        type=float,
        default=None,
        help="Seconds after which a queued message with no task is queued again "
        "(default: NOTIFICATION_REQUEUE_AFTER_SECONDS).",
    )


class Command(BaseCommand):
    help = "Mark tasks a killed worker left running as failed and queue again the messages they would have sent."

    def add_arguments(self, parser):
        add_recovery_arguments(parser)

    def handle(self, *, running_after, queued_after, verbosity, **options):
        recovery = notifications_recover(running_after=running_after, queued_after=queued_after)
        if verbosity:
            self.stdout.write(str(recovery))
