"""Every message the platform sends goes through here (issue #4 deadlines, issue #7 notifications).

Apps register the messages they send (`register_message`) and call `notify`, which renders the
email's templates at once, records a `core.Notification` per recipient (never twice for the same
message, recipient and key) and hands the sending to the task worker, which retries on failure.
"""

from core.notifications.registry import MessageType, message_types, register_message
from core.notifications.safe import register_safe_fields
from core.notifications.services import notify

__all__ = ["MessageType", "message_types", "notify", "register_message", "register_safe_fields"]
