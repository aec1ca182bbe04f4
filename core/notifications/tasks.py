"""Sending happens in the task worker, with retries; a message that got through is never resent."""

from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.utils import DNS_NAME
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from core.models import Notification


@task()
def send_notification(notification_id: int) -> str:
    with transaction.atomic():
        notification = Notification.objects.select_for_update().select_related("recipient").get(pk=notification_id)
        if notification.status != Notification.Status.QUEUED:
            return notification.status
        notification.attempts += 1
        try:
            _email(notification).send()
        except Exception as error:  # noqa: BLE001 - any failure to hand over to the mail server is retried
            notification.last_error = f"{type(error).__name__}: {error}"
            if notification.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
                notification.status = Notification.Status.FAILED
            else:
                transaction.on_commit(lambda: _retry_later(notification_id, notification.attempts))
        else:
            notification.status = Notification.Status.SENT
            notification.sent_at = timezone.now()
            notification.last_error = ""
        notification.save(update_fields=["status", "attempts", "last_error", "sent_at"])
    return notification.status


def _retry_later(notification_id: int, attempts: int) -> None:
    """Back off exponentially: 1, 2, 4, 8 … times NOTIFICATION_RETRY_SECONDS."""
    retry = send_notification
    if retry.get_backend().supports_defer:
        delay = timedelta(seconds=settings.NOTIFICATION_RETRY_SECONDS * 2 ** (attempts - 1))
        retry = retry.using(run_after=timezone.now() + delay)
    retry.enqueue(notification_id)


def message_id(notification: Notification) -> str:
    """The same on every attempt, so a message sent again after a crash between the mail server's
    acceptance and our commit is recognisable (and dropped) downstream (issue #8 point 4)."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or str(DNS_NAME)
    return f"<notification-{notification.pk}@{domain}>"


def _email(notification: Notification) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=notification.subject,
        body=notification.body_text,
        to=[notification.recipient.email],
        reply_to=[notification.reply_to] if notification.reply_to else None,
        headers={"Message-ID": message_id(notification)},
    )
    if notification.body_html:
        email.attach_alternative(notification.body_html, "text/html")
    for filename, content, mimetype in notification.attachments:
        email.attach(filename, content, mimetype)
    return email
