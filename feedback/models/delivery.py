"""What trainers record while delivering a day (issue #6 point 3, DOMAIN.md §7).

Sections against their planned time follow the observation record (000 Appendix 2, "planned vs
real time"); the running flipcharts of issues, concerns and queries and the questions to escalate
follow 000:L2699–2721; critical incidents 000:L3075–3107; the trainer's reflection the trainer
interview (000:L7257–7287) and the missing feedback to the Regional Facilitator (000:L3961).
None of these rows names the trainer who wrote them: the audit log does (`feedback.*` actions).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models

from feedback.models.base import SessionRecordQuerySet


class SectionDelivery(models.Model):
    class Outcome(models.TextChoices):
        COVERED = "covered", "Covered"
        SHORTENED = "shortened", "Shortened"
        SKIPPED = "skipped", "Skipped"

    session = models.ForeignKey("events.Session", on_delete=models.CASCADE, related_name="section_deliveries")
    section = models.ForeignKey("courses.SectionPage", on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    planned_minutes = models.PositiveSmallIntegerField(null=True, blank=True, help_text="As planned on the day.")
    actual_minutes = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(600)])
    note = models.CharField(max_length=500, blank=True, help_text="What changed and why.")

    objects = SessionRecordQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "section deliveries"
        constraints = [models.UniqueConstraint(fields=["session", "section"], name="feedback_section_once")]

    def __str__(self) -> str:
        return f"{self.section.title}: {self.get_outcome_display()}"

    @property
    def difference(self) -> int | None:
        if self.planned_minutes is None or self.actual_minutes is None:
            return None
        return self.actual_minutes - self.planned_minutes


class DeliveryIssue(models.Model):
    """One line of the running flipchart of issues, concerns and queries (000:L2699–2703)."""

    class Kind(models.TextChoices):
        ISSUE = "issue", "Issue"
        CONCERN = "concern", "Concern"
        QUERY = "query", "Query"

    session = models.ForeignKey("events.Session", on_delete=models.CASCADE, related_name="issues")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.TextField()
    resolved = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SessionRecordQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"


class OpenQuestion(models.Model):
    """A question the trainers could not answer on the day: escalated, answered, fed back (000:L2715–2721)."""

    class Status(models.TextChoices):
        OPEN = "open", "Not yet escalated"
        ESCALATED = "escalated", "Escalated, waiting for an answer"
        ANSWERED = "answered", "Answered and fed back"

    class EscalatedTo(models.TextChoices):
        LOCAL_MANAGERS = "local", "Local strategic managers and planners"
        CENTRAL_TEAM = "central", "The Central Early Support Team"
        DFE = "dfe", "The Department for Education (through the central team)"

    session = models.ForeignKey("events.Session", on_delete=models.CASCADE, related_name="open_questions")
    text = models.TextField("question")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, editable=False)
    escalated_to = models.CharField(max_length=10, choices=EscalatedTo.choices, blank=True, editable=False)
    escalation_note = models.CharField(
        max_length=300, blank=True, editable=False, help_text="Who was asked, and how to reach them."
    )
    escalated_at = models.DateTimeField(null=True, blank=True, editable=False)
    answer = models.TextField(blank=True, editable=False)
    answered_at = models.DateTimeField(null=True, blank=True, editable=False)
    participants_told = models.PositiveSmallIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SessionRecordQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "escalated_to"])]

    def __str__(self) -> str:
        return self.text[:80]


class CriticalIncidentQuerySet(SessionRecordQuerySet):
    def visible_to(self, user) -> "CriticalIncidentQuerySet":
        """Only the cohort's lead trainer and programme admins (issue #6 point 3)."""
        from events.access import manages_every_region

        if not user.is_authenticated:
            return self.none()
        if manages_every_region(user):
            return self
        return self.filter(
            session__cohort__delivery_assignments__trainer=user, session__cohort__delivery_assignments__role="lead"
        )

    in_regions_of = visible_to


class CriticalIncident(models.Model):
    """A challenging moment between people in the room and what the trainer did (000:L3075–3107)."""

    session = models.ForeignKey("events.Session", on_delete=models.CASCADE, related_name="critical_incidents")
    what_happened = models.TextField(help_text="Describe the moment without naming anyone.")
    response = models.TextField("what the trainers did", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CriticalIncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Critical incident on {self.session}"


class TrainerReflection(models.Model):
    """A trainer's reflection after a day, from the trainer interview's questions (000:L7257–7287), with
    the feedback to the Regional Facilitator that was missing in practice (000:L3961)."""

    session = models.ForeignKey("events.Session", on_delete=models.CASCADE, related_name="trainer_reflections")
    trainer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approach = models.TextField(
        "how the principles, aims, content and process worked today",
        blank=True,
        # 000:L7271
        help_text="The interview asked about the principles, the aims, the content and the methodology.",
    )
    contribution = models.TextField(
        # 000:L7267
        "what I brought as a trainer, and what I would do differently",
        blank=True,
    )
    impact = models.TextField(
        # 000:L7277
        "the impact I saw on participants' confidence to work in a key working way",
        blank=True,
    )
    local_challenges = models.TextField(
        # 000:L7280–7283
        "challenges and opportunities for key working in this area",
        blank=True,
    )
    # 000:L7285–7287
    anything_else = models.TextField("anything else", blank=True)
    feedback_to_facilitator = models.TextField(
        "feedback to the Regional Facilitator",
        blank=True,
        help_text="Recruitment, the mix, the venue, preparing parent carers, anything to change next time "
        # 000:L3961
        "(trainers and facilitators talked only during or after the course).",
    )
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SessionRecordQuerySet.as_manager()

    ANSWER_FIELDS = (
        "approach",
        "contribution",
        "impact",
        "local_challenges",
        "anything_else",
        "feedback_to_facilitator",
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "trainer"], name="feedback_trainer_reflection_once")]

    def __str__(self) -> str:
        return f"{self.trainer}'s reflection on {self.session}"
