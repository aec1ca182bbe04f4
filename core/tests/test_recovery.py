"""A task worker killed while sending (issue #8 point 4): on restart every message is sent exactly once."""

from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.models import Notification
from core.notifications import notify, register_message
from core.notifications.tasks import send_notification
from core.roles import Role

GREETING = register_message("core.tests.greeting", "Greeting used by the tests")


def queue_batch(make_user, count: int) -> list[Notification]:
    people = [make_user(Role.PARTICIPANT) for _ in range(count)]
    with transaction.atomic():
        return [notify(message=GREETING.name, recipient=p, key="batch", context={"start": "3 March"}) for p in people]


def kill_worker_inside(notification: Notification, *, seconds_ago: float) -> None:
    """The database state a worker killed with SIGKILL leaves: its task claimed (RUNNING) as db_worker
    claims it, never finished; the message still QUEUED."""
    task = DBTaskResult.objects.get(args_kwargs__args=[notification.pk], status="READY")
    task.claim("killed-worker")
    DBTaskResult.objects.filter(pk=task.pk).update(started_at=timezone.now() - timedelta(seconds=seconds_ago))
    Notification.objects.filter(pk=notification.pk).update(created_at=timezone.now() - timedelta(seconds=seconds_ago))


def restart_worker(*options: str) -> None:
    call_command("run_task_worker", "--batch", "--no-startup-delay", "--queue-name", "*", *options, verbosity=0)


def test_a_restarted_worker_sends_every_message_exactly_once(make_user, transactional_db):
    batch = queue_batch(make_user, 4)
    kill_worker_inside(batch[0], seconds_ago=3600)
    kill_worker_inside(batch[1], seconds_ago=3600)

    restart_worker()
    restart_worker()

    assert sorted(email.to[0] for email in mail.outbox) == sorted(n.recipient.email for n in batch)
    assert set(Notification.objects.values_list("status", flat=True)) == {Notification.Status.SENT}
    assert not DBTaskResult.objects.filter(status__in=["RUNNING", "READY"]).exists()
    lost = DBTaskResult.objects.filter(exception_class_path="core.notifications.recovery.WorkerLost")
    assert lost.count() == 2


def test_a_task_running_for_less_than_the_timeout_is_left_to_its_worker(make_user, transactional_db, settings):
    settings.TASK_RUNNING_TIMEOUT_SECONDS = 600
    (notification,) = queue_batch(make_user, 1)
    kill_worker_inside(notification, seconds_ago=60)

    restart_worker()

    assert DBTaskResult.objects.get(args_kwargs__args=[notification.pk]).status == "RUNNING"
    assert not mail.outbox


def test_the_scheduled_command_requeues_only_messages_without_a_task(make_user, run_tasks, settings):
    settings.NOTIFICATION_REQUEUE_AFTER_SECONDS = 300
    waiting, lost, recent = queue_batch(make_user, 3)
    for notification in (waiting, lost, recent):
        Notification.objects.filter(pk=notification.pk).update(created_at=timezone.now() - timedelta(hours=1))
    Notification.objects.filter(pk=recent.pk).update(created_at=timezone.now())
    DBTaskResult.objects.filter(args_kwargs__args__in=[[lost.pk], [recent.pk]]).delete()  # their tasks vanished

    call_command("recover_notifications", verbosity=0)

    tasks = DBTaskResult.objects.filter(status="READY", task_path=send_notification.module_path)
    assert sorted(task.args_kwargs["args"][0] for task in tasks) == sorted([waiting.pk, lost.pk])
    run_tasks()
    assert sorted(email.to[0] for email in mail.outbox) == sorted([waiting.recipient.email, lost.recipient.email])


def test_a_resend_carries_the_same_message_id(make_user, run_tasks):
    (notification,) = queue_batch(make_user, 1)
    run_tasks()
    Notification.objects.filter(pk=notification.pk).update(status=Notification.Status.QUEUED)
    call_command("recover_notifications", "--queued-after", "0", verbosity=0)
    run_tasks()

    first, second = mail.outbox
    assert first.extra_headers["Message-ID"] == second.extra_headers["Message-ID"]
    assert first.extra_headers["Message-ID"] == f"<notification-{notification.pk}@early-support.test>"
    assert first.message()["Message-ID"] == first.extra_headers["Message-ID"]
