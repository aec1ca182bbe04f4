"""Which messages a daily sweep has already recorded, read once for the whole sweep.

`notify` alone decides that nothing is sent twice (one `core.Notification` per message, recipient and
key); a sweep asks here first only to skip, in one query, the people it would otherwise build a
message for and ask `notify` about one by one.
"""

from core.models import Notification


def already_sent(message: str, **filters) -> set[tuple[int, str]]:
    """(recipient id, key) of every `message` recorded so far, narrowed by `filters` (e.g. `key__in=`)."""
    return set(Notification.objects.filter(message=message, **filters).values_list("recipient_id", "key"))
