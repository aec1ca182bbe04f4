"""A person on the trainer pathway and the history of every step they took (DOMAIN.md §6).

`stage` (how far along) and `standing` (active, suspended, withdrawn) change only through
`trainers.services.pathway`, which writes a `PathwayStep` and an audit entry with each move.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from events.access import in_managed_regions, managed_regions, manages_every_region
from trainers.models.choices import FAMILY_SIDE, Background, Stage, Standing, TrainingExperience, stage_reaches


class TrainerProfileQuerySet(models.QuerySet):
    def in_regions_of(self, user) -> "TrainerProfileQuerySet":
        """What a person manages in the admin: every trainer for programme admins, their regions' for
        facilitators, nobody for anyone else (another region's trainer is a 404)."""
        return in_managed_regions(self, user)

    def visible_to(self, user) -> "TrainerProfileQuerySet":
        """Staff as in the admin; a trainer sees their own record and their mentees'."""
        if not user.is_authenticated:
            return self.none()
        if manages_every_region(user):
            return self
        return self.filter(Q(region__in=managed_regions(user)) | Q(person=user) | Q(mentor=user))

    def active(self) -> "TrainerProfileQuerySet":
        return self.filter(standing=Standing.ACTIVE)

    def lead_trainers(self) -> "TrainerProfileQuerySet":
        return self.active().filter(stage=Stage.LEAD)


class TrainerProfile(models.Model):
    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="trainer_profile")
    region = models.ForeignKey(
        "core.Region",
        on_delete=models.PROTECT,
        related_name="trainers",
        help_text="Where the trainer lives or works; their Regional Facilitators see them first.",
    )
    background = models.CharField(
        "comes to training as", max_length=16, choices=Background.choices, default=Background.PROFESSIONAL
    )
    training_experience = models.CharField(
        max_length=16, choices=TrainingExperience.choices, default=TrainingExperience.NEW
    )
    stage = models.CharField(max_length=16, choices=Stage.choices, default=Stage.APPLICANT, editable=False)
    standing = models.CharField(max_length=12, choices=Standing.choices, default=Standing.ACTIVE, editable=False)
    standing_reason = models.TextField(blank=True, editable=False)
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentees",
        editable=False,
        help_text="A Lead Trainer who mentors this trainee; a mentor never signs off their own mentee.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = TrainerProfileQuerySet.as_manager()

    class Meta:
        ordering = ["person__last_name", "person__first_name", "pk"]
        indexes = [models.Index(fields=["region", "stage"])]

    def __str__(self) -> str:
        return str(self.person)

    @property
    def is_family_side(self) -> bool:
        """Parent carer and young person trainers are marked as such everywhere (DOMAIN.md §6)."""
        return self.background in FAMILY_SIDE

    @property
    def is_active(self) -> bool:
        return self.standing == Standing.ACTIVE

    @property
    def is_lead_trainer(self) -> bool:
        return self.is_active and self.stage == Stage.LEAD

    def has_reached(self, stage: str) -> bool:
        return stage_reaches(self.stage, stage)


class PathwayStep(models.Model):
    """One move on the pathway: what happened, the stage and standing it left, who did it and why."""

    profile = models.ForeignKey(TrainerProfile, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(max_length=24)
    stage = models.CharField(max_length=16, choices=Stage.choices)
    standing = models.CharField(max_length=12, choices=Standing.choices)
    happened_at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["happened_at", "pk"]

    def __str__(self) -> str:
        return f"{self.profile}: {self.get_stage_display()} ({self.happened_at:%Y-%m-%d})"
