"""Who delivers a cohort, in which role, and what each of them did before and after (DOMAIN.md §6).

Events reads "the trainers on a cohort" through the `delivery_assignments` related name and never
imports this app. Shadowing and co-training are assignments like any other, with the trainee's
reflection and a Lead Trainer's sign-off; the rostering rules that decide who may take which role
live in `trainers.services.rostering` alone.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery, Value
from django.utils import timezone


class DeliveryAssignmentQuerySet(models.QuerySet):
    def delivered(self, today: datetime.date) -> "DeliveryAssignmentQuerySet":
        """Assignments on cohorts that ran: marked delivered, or confirmed with every day in the past."""
        from events.models import Cohort, Session

        days_left = Session.objects.filter(cohort=OuterRef("cohort"), date__gte=today)
        return self.filter(
            Q(cohort__status=Cohort.Status.DELIVERED) | Q(cohort__status=Cohort.Status.CONFIRMED) & ~Exists(days_left)
        )

    def with_previous_end(self, cohort) -> "DeliveryAssignmentQuerySet":
        """Each with `previous_end`: the last day of the trainer's latest other delivery (cancelled
        cohorts aside) before `cohort` starts, or None (none, or `cohort` has no days); what their
        checklist's rest rule reads (`DeliveryChecklist.missing_items`)."""
        from events.models import Cohort, Session

        start = cohort.start_date
        if start is None:
            return self.annotate(previous_end=Value(None, output_field=models.DateField()))
        latest = (
            Session.objects.filter(cohort__delivery_assignments__trainer=OuterRef("trainer"), date__lt=start)
            .exclude(cohort=cohort)
            .exclude(cohort__status=Cohort.Status.CANCELLED)
            .order_by("-date")
            .values("date")[:1]
        )
        return self.annotate(previous_end=Subquery(latest))

    def awaiting_sign_off(self) -> "DeliveryAssignmentQuerySet":
        return self.filter(
            role__in=DeliveryAssignment.NEEDS_SIGN_OFF, reflected_at__isnull=False, signed_off_at__isnull=True
        )


class DeliveryAssignment(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", "Lead trainer"
        CO_TRAINER = "co_trainer", "Co-trainer"
        SHADOW = "shadow", "Shadow"

    #: Steps of the pathway a Lead Trainer signs off (DOMAIN.md §6).
    NEEDS_SIGN_OFF = (Role.SHADOW, Role.CO_TRAINER)

    cohort = models.ForeignKey("events.Cohort", on_delete=models.CASCADE, related_name="delivery_assignments")
    trainer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="delivery_assignments")
    role = models.CharField(max_length=12, choices=Role.choices)
    assigned_at = models.DateTimeField(default=timezone.now, editable=False)
    reflection = models.TextField(
        # 000:L7257–7287
        blank=True,
        editable=False,
        help_text="The trainer's reflection after the cohort.",
    )
    reflected_at = models.DateTimeField(null=True, blank=True, editable=False)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delivery_sign_offs",
        editable=False,
    )
    signed_off_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = DeliveryAssignmentQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cohort", "trainer"], name="trainers_assignment_once_per_cohort"),
        ]
        indexes = [
            # The Lead Trainers' sign-off queue (`awaiting_sign_off`): a few hundred reflections among
            # every assignment ever made, read on each Lead Trainer's dashboard (docs/performance.md).
            models.Index(
                fields=["reflected_at"],
                condition=Q(reflected_at__isnull=False, signed_off_at__isnull=True),
                name="trainers_awaiting_sign_off",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.trainer} ({self.get_role_display()}) on {self.cohort}"

    @property
    def needs_sign_off(self) -> bool:
        return self.role in self.NEEDS_SIGN_OFF

    @property
    def is_signed_off(self) -> bool:
        return self.signed_off_at is not None

    @property
    def trainer_cannot_deliver(self) -> str:
        """ "suspended" or "withdrawn" when the trainer's accreditation no longer lets them deliver,
        else "". Reads their profile: load it with the assignment (`trainer__trainer_profile`)."""
        profile = getattr(self.trainer, "trainer_profile", None)
        return "" if profile is None or profile.is_active else profile.get_standing_display().lower()

    @property
    def has_history(self) -> bool:
        """A reflection or a sign-off: the assignment is part of someone's pathway and stays."""
        return self.reflected_at is not None or self.signed_off_at is not None


class DeliveryChecklist(models.Model):
    """What each trainer does before each delivery (000:L2067–2077, L2106–2118, L2658–2666).

    The Introduction for Trainers "should be revisited before any subsequent delivery": its
    acknowledgement is dated, and only counts when it is later than the trainer's previous delivery.
    """

    TICKS = [
        ("guide_reviewed", "the day's trainers' guide reviewed"),
        ("time_plan_drafted", "a time plan drafted"),
        ("local_materials_gathered", "local materials gathered"),
        ("parents_prepared", "parent carers and young people prepared"),
        ("pack_sent", "the pre-course pack sent"),
    ]
    INTRODUCTION = "the Introduction for Trainers re-read"

    assignment = models.OneToOneField(DeliveryAssignment, on_delete=models.CASCADE, related_name="checklist")
    introduction_reread_on = models.DateField(null=True, blank=True)
    introduction_revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The version of the Introduction for Trainers that was re-read.",
    )
    guide_reviewed = models.BooleanField("I have reviewed the trainers' guide for the day", default=False)
    time_plan_drafted = models.BooleanField("I have drafted my time plan", default=False)
    local_materials_gathered = models.BooleanField("I have gathered local materials and information", default=False)
    parents_prepared = models.BooleanField("Parent carers and young people taking part are prepared", default=False)
    pack_sent = models.BooleanField("The pre-course pack has been sent", default=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Checklist for {self.assignment}"

    def missing_items(self, *, previous_delivery_end: datetime.date | None) -> list[str]:
        missing = []
        reread = self.introduction_reread_on
        if reread is None or (previous_delivery_end is not None and reread <= previous_delivery_end):
            missing.append(self.INTRODUCTION)
        missing.extend(label for name, label in self.TICKS if not getattr(self, name))
        return missing
