"""What a killed task worker leaves behind, put right (issue #8 point 4).

django-tasks' database worker marks a task RUNNING when it claims it and never gives it back if the
process dies: the task stays RUNNING and its `Notification` stays QUEUED for ever. Run at worker start
(`manage.py run_task_worker`) and on a schedule (`manage.py recover_notifications`).
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.models import Notification
from core.notifications.tasks import send_notification

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Recovery:
    tasks_failed: int
    notifications_requeued: int

    def __str__(self) -> str:
        return (
            f"{self.tasks_failed} tasks left running by a lost worker marked failed; "
            f"{self.notifications_requeued} queued messages with no task queued again."
        )


def notifications_recover(*, running_after: float | None = None, queued_after: float | None = None) -> Recovery:
    """Mark tasks RUNNING longer than `running_after` seconds failed, then queue again every message
    still QUEUED after `queued_after` seconds that no READY or RUNNING task will send.

    Safe to run at any time, on any number of machines: `send_notification` locks the row and sends
    only a QUEUED message, so a message queued twice is still sent once.
    """
    now = timezone.now()
    if running_after is None:
        running_after = settings.TASK_RUNNING_TIMEOUT_SECONDS
    if queued_after is None:
        queued_after = settings.NOTIFICATION_REQUEUE_AFTER_SECONDS
    tasks_failed = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lte=now - timedelta(seconds=running_after)
    ).update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        exception_class_path="core.notifications.recovery.WorkerLost",
        traceback=f"Still running after {running_after:g} s: its worker was stopped. Marked failed by the recovery.",
    )
    waiting = DBTaskResult.objects.filter(
        task_path=send_notification.module_path, status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
    ).values_list("args_kwargs", flat=True)
    pending = {args_kwargs["args"][0] for args_kwargs in waiting if args_kwargs.get("args")}
    stuck = Notification.objects.filter(
        status=Notification.Status.QUEUED, created_at__lte=now - timedelta(seconds=queued_after)
    ).values_list("pk", flat=True)
    orphans = sorted(set(stuck) - pending)
    for notification_id in orphans:
        send_notification.enqueue(notification_id)
    recovery = Recovery(tasks_failed=tasks_failed, notifications_requeued=len(orphans))
    if tasks_failed or orphans:
        logger.warning("Recovery after a lost task worker: %s", recovery)
    return recovery
