"""A trainer's private calendar subscription: the token in the address is the only key (issue #4 point 7).

Resetting the feed replaces the token, so an address that leaked stops working at once. A feed
answers only while its person's account is in use and they hold the trainer role (issue #19 point 5).
"""

import uuid

from django.conf import settings
from django.db import models

from core.roles import Role


class CalendarFeedQuerySet(models.QuerySet):
    def serving(self) -> "CalendarFeedQuerySet":
        """Feeds that still answer: a deactivated account or a lost trainer role stops the feed at
        once, without waiting for anyone to reset it."""
        return self.filter(person__is_active=True, person__groups__name=Role.TRAINER.value)


class CalendarFeed(models.Model):
    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.UUIDField(default=uuid.uuid4, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    objects = CalendarFeedQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Calendar feed for {self.person}"
