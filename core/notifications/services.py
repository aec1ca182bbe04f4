"""`notify`: render, record and queue one message for one person."""

from django.db import IntegrityError, transaction
from django.template.exceptions import TemplateDoesNotExist
from django.template.loader import render_to_string

from core.models import Notification, User
from core.notifications.registry import get_message_type


def _render(folder: str, context: dict) -> tuple[str, str, str]:
    subject = " ".join(render_to_string(f"{folder}/subject.txt", context).split())
    body_text = render_to_string(f"{folder}/body.txt", context)
    try:
        body_html = render_to_string(f"{folder}/body.html", context)
    except TemplateDoesNotExist:
        body_html = ""
    return subject, body_text, body_html


def notify(
    *,
    message: str,
    recipient: User,
    key: str,
    context: dict,
    attachments: list[tuple[str, str, str]] | None = None,
) -> Notification | None:
    """Record `message` for `recipient` about `key` and send it after the current transaction commits.

    Returns None when this message was already recorded for this person and key: nothing is ever
    sent twice. Optional messages to people who stopped optional reminders are recorded as skipped.
    """
    from core.notifications.tasks import send_notification

    message_type = get_message_type(message)
    if Notification.objects.filter(message=message, recipient=recipient, key=key).exists():
        return None
    subject, body_text, body_html = _render(message_type.template_folder, {**context, "recipient": recipient})
    skipped = message_type.optional and not recipient.wants_optional_reminders
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=recipient,
                message=message,
                key=key,
                subject=subject,
                body_text=body_text,
                body_html=body_html,
                attachments=[list(attachment) for attachment in attachments or []],
                status=Notification.Status.SKIPPED if skipped else Notification.Status.QUEUED,
            )
    except IntegrityError:
        return None  # recorded at the same moment by another process
    if not skipped:
        transaction.on_commit(lambda: send_notification.enqueue(notification.pk))
    return notification
