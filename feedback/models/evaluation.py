"""End-of-day evaluation forms, defined by programme admins and versioned (issue #6 point 4).

Participants rate the training's "value, relevance and utility" (000:L2723); the KIP course form
adds statements on content, delivery and the facilitators, overall satisfaction and "was it
worthwhile? yes/no" (004:L572–577). The central team edits a form's questions; publishing freezes
them as an `EvaluationFormVersion`, and every response keeps the version it answered.

Anonymity: `EvaluationReceipt` records that a participant answered (one per person and day, a
unique constraint), while `EvaluationResponse` holds what they said; for an anonymous form the
response has no link to the person, a random id and only a date, so nobody can trace an answer
back to its author, while everyone is still counted once.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable


class Scale(models.Model):
    """The answers to a rating question, from lowest to highest (e.g. Strongly disagree … Strongly agree)."""

    name = models.CharField(max_length=100, unique=True)
    labels = models.TextField(help_text="One answer per line, from the lowest to the highest.")

    panels = [FieldPanel("name"), FieldPanel("labels")]

    def __str__(self) -> str:
        return self.name

    @property
    def label_list(self) -> list[str]:
        return [line.strip() for line in self.labels.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        if len(self.label_list) < 2:
            raise ValidationError({"labels": "Give at least two answers, one per line."}, code="too_few_labels")


class Topic(models.TextChoices):
    """What a question is about; results are aggregated by topic across forms and versions."""

    VALUE = "value", "Value"
    RELEVANCE = "relevance", "Relevance"
    UTILITY = "utility", "Utility"
    CONTENT = "content", "Content"
    DELIVERY = "delivery", "Delivery"
    TRAINER = "trainer", "Each trainer"
    SATISFACTION = "satisfaction", "Overall satisfaction"
    WORTHWHILE = "worthwhile", "Was it worthwhile?"
    COMMENTS = "comments", "Comments"


class EvaluationForm(ClusterableModel):
    class CourseKind(models.TextChoices):
        ANY = "", "Every course day without a form of its own"
        DAY1 = "day1", "Day 1"
        DAY2 = "day2", "Day 2"
        T4T = "t4t", "Training for Trainers"

    title = models.CharField(max_length=200)
    intro = models.TextField(blank=True, help_text="Shown above the questions, in plain English.")
    course_kind = models.CharField("used for", max_length=10, choices=CourseKind.choices, blank=True)
    anonymous_to_trainers = models.BooleanField(
        default=True,
        help_text="Responses are kept without any link to the person who gave them; each person still answers "
        "only once.",
    )
    is_active = models.BooleanField("in use", default=True)
    current_version = models.ForeignKey(
        "feedback.EvaluationFormVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    seed_reference = models.CharField(max_length=200, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("course_kind"), FieldPanel("is_active")]),
        FieldPanel("anonymous_to_trainers"),
        InlinePanel("questions", heading="Questions", label="Question", min_num=1),
        FieldPanel("seed_reference"),
    ]

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["course_kind"],
                condition=Q(is_active=True),
                name="feedback_one_active_form_per_day",
                violation_error_message="Another form in use already covers these days.",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def definition(self) -> dict:
        """The form as participants see it: what a published version freezes."""
        return {
            "title": self.title,
            "intro": self.intro,
            "anonymous": self.anonymous_to_trainers,
            "questions": [question.definition() for question in self.questions.select_related("scale")],
        }

    @property
    def has_unpublished_changes(self) -> bool:
        return self.current_version is None or self.current_version.definition != self.definition()


class EvaluationQuestion(Orderable):
    class Kind(models.TextChoices):
        SCALE = "scale", "A rating on a scale"
        YES_NO = "yes_no", "Yes or no"
        TEXT = "text", "Their own words"

    form = ParentalKey(EvaluationForm, on_delete=models.CASCADE, related_name="questions")
    topic = models.CharField(
        max_length=12,
        choices=Topic.choices,
        help_text="“Each trainer” asks the question once for every trainer who delivered the day.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SCALE)
    text = models.CharField(max_length=300)
    scale = models.ForeignKey(Scale, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    required = models.BooleanField(default=True)
    seed_reference = models.CharField(max_length=200, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("topic"), FieldPanel("kind")]),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("scale"), FieldPanel("required")]),
        FieldPanel("seed_reference"),
    ]

    def __str__(self) -> str:
        return self.text

    def clean(self):
        super().clean()
        if self.kind == self.Kind.SCALE and not self.scale_id:
            raise ValidationError({"scale": "Choose the scale people answer on."}, code="scale_required")
        if self.kind != self.Kind.SCALE and self.scale_id:
            raise ValidationError({"scale": "Only rating questions have a scale."}, code="scale_not_used")

    def definition(self) -> dict:
        return {
            "key": f"q{self.pk}",
            "topic": self.topic,
            "kind": self.kind,
            "text": self.text,
            "labels": self.scale.label_list if self.scale_id else [],
            "required": self.required,
        }


class EvaluationFormVersion(models.Model):
    form = models.ForeignKey(EvaluationForm, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField()
    definition = models.JSONField()
    published_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["form", "-number"]
        constraints = [models.UniqueConstraint(fields=["form", "number"], name="feedback_form_version_unique")]

    def __str__(self) -> str:
        return f"{self.form}, version {self.number}"

    @property
    def questions(self) -> list[dict]:
        return self.definition["questions"]

    @property
    def is_anonymous(self) -> bool:
        return self.definition["anonymous"]


class EvaluationReceipt(models.Model):
    """That a participant answered a day's evaluation: one each (the count), never what they said."""

    session = models.ForeignKey("events.Session", on_delete=models.CASCADE, related_name="evaluation_receipts")
    registration = models.ForeignKey("events.Registration", on_delete=models.CASCADE, related_name="+")
    submitted_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "registration"], name="feedback_evaluation_once_per_person")
        ]

    def __str__(self) -> str:
        return f"Evaluation of {self.session} received"


class EvaluationResponse(models.Model):
    """What was said. `registration` is set only when the form version is not anonymous."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey("events.Session", on_delete=models.CASCADE, related_name="evaluation_responses")
    version = models.ForeignKey(EvaluationFormVersion, on_delete=models.PROTECT, related_name="responses")
    registration = models.ForeignKey(
        "events.Registration", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "registration"],
                condition=Q(registration__isnull=False),
                name="feedback_named_response_once",
            )
        ]

    def __str__(self) -> str:
        return f"Evaluation of {self.session}"


class EvaluationAnswer(models.Model):
    """One answer, with the topic and a 0–100 score copied in so results aggregate in the database.
    A random id, like the response's, so the order answers were stored in says nothing about who gave them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(EvaluationResponse, on_delete=models.CASCADE, related_name="answers")
    question_key = models.CharField(max_length=20)
    topic = models.CharField(max_length=12, choices=Topic.choices)
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    number = models.PositiveSmallIntegerField(null=True, blank=True, help_text="1 = the scale's lowest answer.")
    score = models.FloatField(null=True, blank=True, help_text="0 for the lowest answer (or no), 100 for the highest.")
    positive = models.BooleanField(null=True, help_text="One of the top two answers (agree, strongly agree) or yes.")
    text = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["topic"]), models.Index(fields=["trainer", "topic"])]

    def __str__(self) -> str:
        return f"{self.get_topic_display()}: {self.number if self.number is not None else self.text[:40]}"
