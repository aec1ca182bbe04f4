"""`notify`: render, record and queue one message for one person."""

from django.db import IntegrityError, transaction

from core.models import Notification, User
from core.notifications.context import freeze
from core.notifications.registry import get_message_type
from core.notifications.rendering import render_message
from core.notifications.senders import TEAM, Sender


def notify(
    *,
    message: str,
    recipient: User,
    key: str,
    context: dict,
    attachments: list[tuple[str, str, str]] | None = None,
    sender: Sender = TEAM,
) -> Notification | None:
    """Record `message` for `recipient` about `key` and send it after the current transaction commits.

    `sender` signs the message off and, with its `reply_to`, receives replies (issue #22 point 1).
    Returns None when this message was already recorded for this person and key: nothing is ever
    sent twice. Optional messages to people who stopped optional reminders are recorded as skipped.
    """
    from core.notifications.tasks import send_notification

    message_type = get_message_type(message)
    if Notification.objects.filter(message=message, recipient=recipient, key=key).exists():
        return None
    rendered = render_message(message_type, {**context, "recipient": recipient, "sender": sender})
    skipped = message_type.optional and not recipient.wants_optional_reminders
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=recipient,
                message=message,
                key=key,
                reply_to=sender.reply_to,
                subject=rendered.subject,
                body_text=rendered.body_text,
                body_html=rendered.body_html,
                context=freeze(context),
                attachments=[list(attachment) for attachment in attachments or []],
                status=Notification.Status.SKIPPED if skipped else Notification.Status.QUEUED,
            )
    except IntegrityError:
        return None  # recorded at the same moment by another process
    if not skipped:
        transaction.on_commit(lambda: send_notification.enqueue(notification.pk))
    return notification
