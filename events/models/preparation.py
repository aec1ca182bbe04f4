"""Preparing parent carers and young people before, during and after the course (DOMAIN.md §5).

Preparation "not harming" parents, with equal access and support if they speak (000:L556–562,
L2286–2294), was skipped in both pilots (000:L3002, L3202); a young person's part is planned in
advance (000:L3214–3218). The cohort page lists who is not yet prepared (`missing_steps`).
"""

from django.conf import settings
from django.db import models

from events.models.choices import YOUNG_PERSON_PLAN, ApplyingAs


class Preparation(models.Model):
    class Role(models.TextChoices):
        PARTICIPANT = "participant", "Taking part as a participant"
        SPEAKER = "speaker", "Sharing their experience with the group"
        CO_TRAINER = "co_trainer", "Co-training part of the day"

    registration = models.OneToOneField("events.Registration", on_delete=models.CASCADE, related_name="preparation")
    role = models.CharField("their part in the course", max_length=12, choices=Role.choices, default=Role.PARTICIPANT)
    support_contact = models.CharField(
        "named support contact", max_length=200, blank=True, help_text="Who they can turn to before, during and after."
    )
    conversation_done = models.BooleanField("pre-course conversation held", default=False)
    access_arrangements = models.TextField("access arrangements agreed", blank=True)
    preferred_hours = models.CharField("hours they can attend", max_length=100, blank=True)
    venue_checked = models.BooleanField("venue checked for their needs", default=False)
    expenses = models.CharField(
        "expenses agreed", max_length=200, blank=True, help_text="Travel, childcare or replacement care, time."
    )
    story_consent = models.BooleanField("agrees to share their story", default=False)
    planned_session = models.ForeignKey(
        "events.Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="for a young person: which day",
    )
    planned_activity = models.CharField("for a young person: which activity", max_length=200, blank=True)
    debrief_done = models.BooleanField("debrief after the course held", default=False)
    notes = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    EDITABLE_FIELDS = (
        "role",
        "support_contact",
        "conversation_done",
        "access_arrangements",
        "preferred_hours",
        "venue_checked",
        "expenses",
        "story_consent",
        "planned_session",
        "planned_activity",
        "debrief_done",
        "notes",
    )

    def __str__(self) -> str:
        return f"Preparation for {self.registration.person}"

    def missing_steps(self) -> list[str]:
        """What is still to do before the course; empty when they are prepared."""
        missing = []
        if not self.support_contact.strip():
            missing.append("a named support contact")
        if not self.conversation_done:
            missing.append("a conversation before the course")
        if not self.venue_checked:
            missing.append("the venue checked for their needs")
        if self.registration.applying_as == ApplyingAs.YOUNG_PERSON and not (
            self.planned_session_id and self.planned_activity.strip()
        ):
            missing.append(YOUNG_PERSON_PLAN)
        return missing
