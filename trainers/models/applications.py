"""Applications to become a trainer and their assessment against the person specification.

A candidate sends a CV, a statement per criterion and, for Lead Trainer, a supporting statement
(000:L1940–1944, L2029–2033). Assessors rate each criterion met / not yet met / not evidenced from the
CV, the Development Day or an observation at T4T (000:L2018–2026, L2043–2065). Every statement and
assessment keeps the criterion's wording (and snippet revision) it was written against, so editing
the specification later never rewrites history.
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from events.access import manages_every_region
from trainers.models.profiles import TrainerProfile
from trainers.storage import private_storage

CV_EXTENSIONS = ["pdf", "doc", "docx", "odt", "rtf", "txt"]
MAX_CV_BYTES = 5 * 1024 * 1024


def cv_path(application, filename: str) -> str:
    """A random name: the applicant's own file name can say more than it should."""
    return f"trainers/cvs/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


def validate_cv_size(upload) -> None:
    if upload.size > MAX_CV_BYTES:
        raise ValidationError("The CV is larger than 5 MB.", code="cv_too_large")


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ApplicationQuerySet":
        """The applicant and their assessors: programme admins and the Lead Trainer assigned to it.
        Regional Facilitators do not read applications (issue #5 point 1)."""
        if not user.is_authenticated:
            return self.none()
        if manages_every_region(user):
            return self
        return self.filter(Q(profile__person=user) | Q(assessor=user))


class Application(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Waiting for assessment"
        ACCEPTED = "accepted", "Accepted into the pool"
        DEVELOPMENT = "development", "Accepted into the pool, with development needs"
        DECLINED = "declined", "Declined"

    ACCEPTED_STATUSES = (Status.ACCEPTED, Status.DEVELOPMENT)

    profile = models.ForeignKey(TrainerProfile, on_delete=models.CASCADE, related_name="applications")
    for_lead = models.BooleanField("applying to be a Lead Trainer too", default=False)
    cv = models.FileField(
        "CV",
        storage=private_storage,
        upload_to=cv_path,
        validators=[FileExtensionValidator(CV_EXTENSIONS), validate_cv_size],
    )
    lead_statement = models.TextField(
        "supporting statement for Lead Trainer", blank=True, help_text="Why you are suited to the Lead Trainer role."
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SUBMITTED, editable=False)
    development_needs = models.TextField(blank=True, editable=False)
    decline_reasons = models.TextField(blank=True, editable=False)
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications_to_assess",
        editable=False,
    )
    submitted_at = models.DateTimeField(default=timezone.now, editable=False)
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile"], condition=Q(status="submitted"), name="trainers_one_open_application"
            )
        ]
        # The admin's listing, newest first: its first page without sorting every application.
        indexes = [models.Index(fields=["-submitted_at", "-id"], name="trainers_application_newest")]

    def __str__(self) -> str:
        return f"Application from {self.profile} ({self.submitted_at:%d %b %Y})"

    def clean(self):
        super().clean()
        if self.for_lead and not self.lead_statement.strip():
            # 000:L2029–2033
            message = "Write a supporting statement to apply as a Lead Trainer."
            raise ValidationError({"lead_statement": ValidationError(message, code="lead_statement_required")})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.SUBMITTED


class CriterionStatement(models.Model):
    """The applicant's evidence for one criterion, with the wording they answered."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="statements")
    criterion = models.ForeignKey("courses.PersonSpecificationCriterion", on_delete=models.PROTECT, related_name="+")
    criterion_wording = models.TextField()
    statement = models.TextField()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "criterion"], name="trainers_statement_once_per_criterion")
        ]

    def __str__(self) -> str:
        return self.criterion_wording


class CriterionAssessment(models.Model):
    """One assessor's judgement of one criterion for one candidate, from one source of evidence."""

    class Rating(models.TextChoices):
        MET = "met", "Met"
        NOT_YET_MET = "not_yet_met", "Not yet met"
        NOT_EVIDENCED = "not_evidenced", "Not evidenced"

    class Source(models.TextChoices):
        CV = "cv", "CV and statements"
        DEVELOPMENT_DAY = "development_day", "Development Day"
        T4T_OBSERVATION = "t4t", "Observation at Training for Trainers"

    profile = models.ForeignKey(TrainerProfile, on_delete=models.CASCADE, related_name="assessments")
    application = models.ForeignKey(
        Application, on_delete=models.SET_NULL, null=True, blank=True, related_name="assessments"
    )
    cohort = models.ForeignKey(
        "events.Cohort",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The Training for Trainers cohort, for an observation there.",
    )
    criterion = models.ForeignKey("courses.PersonSpecificationCriterion", on_delete=models.PROTECT, related_name="+")
    criterion_revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    criterion_wording = models.TextField()
    rating = models.CharField(max_length=16, choices=Rating.choices)
    source = models.CharField(max_length=16, choices=Source.choices)
    evidence = models.TextField("evidence notes", blank=True)
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    assessed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-assessed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(source="t4t", cohort__isnull=False) | ~Q(source="t4t"),
                name="trainers_t4t_observation_has_cohort",
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion_wording}: {self.get_rating_display()}"
