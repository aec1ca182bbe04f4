"""A trainer's private calendar subscription: the token in the address is the only key (issue #4 point 7).

Resetting the feed replaces the token, so an address that leaked stops working at once.
"""

import uuid

from django.conf import settings
from django.db import models


class CalendarFeed(models.Model):
    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.UUIDField(default=uuid.uuid4, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Calendar feed for {self.person}"
