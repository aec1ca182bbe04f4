"""A freed place offered to the next person on the waiting list, held for a limited time (issue #4 point 2).

The token in the emailed link is a per-offer UUID: the link works without signing in, once, and
only until the offer closes. Expiry passes the place to the next person (`offers_expire`).
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone


class PlaceOffer(models.Model):
    class Outcome(models.TextChoices):
        PENDING = "pending", "Waiting for an answer"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        EXPIRED = "expired", "Not answered in time"
        WITHDRAWN = "withdrawn", "Withdrawn: the cohort was cancelled"

    registration = models.ForeignKey("events.Registration", on_delete=models.CASCADE, related_name="offers")
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    offered_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-offered_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration"], condition=Q(outcome="pending"), name="events_one_pending_offer"
            ),
        ]

    def __str__(self) -> str:
        return f"Place offered to {self.registration.person}"

    @property
    def is_pending(self) -> bool:
        return self.outcome == self.Outcome.PENDING
