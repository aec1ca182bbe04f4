"""Who delivers a cohort, and in which role (DOMAIN.md §2, §6).

Kept bare on purpose: issue #5 adds the rostering rules (only accredited trainers lead, a first lead
delivery needs an experienced co-trainer, shadows do not count as trainers). Events reads "the
trainers on a cohort" through the `delivery_assignments` related name and never imports this app.
"""

from django.conf import settings
from django.db import models


class DeliveryAssignment(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", "Lead trainer"
        CO_TRAINER = "co_trainer", "Co-trainer"
        SHADOW = "shadow", "Shadow"

    cohort = models.ForeignKey("events.Cohort", on_delete=models.CASCADE, related_name="delivery_assignments")
    trainer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="delivery_assignments")
    role = models.CharField(max_length=12, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cohort", "trainer"], name="trainers_assignment_once_per_cohort"),
        ]

    def __str__(self) -> str:
        return f"{self.trainer} ({self.get_role_display()}) on {self.cohort}"
