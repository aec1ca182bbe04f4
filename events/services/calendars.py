"""A trainer's private calendar address: created on request, replaced to revoke (issue #4 point 7)."""

import uuid

from django.db import transaction
from wagtail.log_actions import log

from core.models import User
from events.models import CalendarFeed


@transaction.atomic
def calendar_feed_reset(*, person: User, actor: User | None) -> CalendarFeed:
    """A new secret address; the old one stops working at once."""
    feed, created = CalendarFeed.objects.get_or_create(person=person)
    if not created:
        feed.token = uuid.uuid4()
        feed.save(update_fields=["token", "created_at"])
    log(instance=feed, action="events.calendar_feed.reset", user=actor)
    return feed
