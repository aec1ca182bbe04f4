"""Reference content the whole programme shares, kept as snippets with revisions (issue #3, point 4).

The principles, learning outcomes, key working functions, resources, glossary and person
specification are edited by the central team and quoted on many pages; later apps point at them
(reflective practice links goals to principles and functions, trainer assessment scores criteria).
"""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin

from courses.models.base import SeedSourced

SOURCE_PANELS = [FieldPanel("seed_reference"), FieldPanel("is_placeholder")]


class Principle(RevisionMixin, SeedSourced, models.Model):
    """One of the ten Early Support principles (000:L1780–1810)."""

    number = models.PositiveSmallIntegerField(unique=True, validators=[MinValueValidator(1), MaxValueValidator(10)])
    text = models.TextField()

    panels = [FieldPanel("number"), FieldPanel("text"), *SOURCE_PANELS]

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"


class LearningOutcome(RevisionMixin, SeedSourced, models.Model):
    """What a participant should be able to do afterwards: six for the course (000:L1847–1863),
    three for Training for Trainers (000:L3571–3577). Shown from the public course page onwards
    (000:L6827–6838)."""

    class Programme(models.TextChoices):
        COURSE = "course", "Early Support and key working course"
        T4T = "t4t", "Training for Trainers"

    programme = models.CharField(max_length=10, choices=Programme.choices, default=Programme.COURSE)
    number = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    text = models.TextField()

    panels = [FieldPanel("programme"), FieldPanel("number"), FieldPanel("text"), *SOURCE_PANELS]

    class Meta:
        ordering = ["programme", "number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="courses_outcome_programme_number_unique")
        ]

    def __str__(self) -> str:
        return self.text


class KeyWorkingFunctionArea(RevisionMixin, SeedSourced, models.Model):
    """One of the four areas key working covers (001:L55–56, 002:L13–15)."""

    number = models.PositiveSmallIntegerField(unique=True, validators=[MinValueValidator(1)])
    name = models.CharField(max_length=120, unique=True)

    panels = [FieldPanel("number"), FieldPanel("name"), *SOURCE_PANELS]

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return self.name


class KeyWorkingFunction(RevisionMixin, SeedSourced, models.Model):
    """Key working function A–J (000:L7641–7651); reflective practice RP4 asks which were used.

    The seeds draw the functions inside the four areas only in a figure (001 Figure 1, 002 Figure 1)
    whose text is not in the seeds, so `area` starts empty for the central team to fill in.
    """

    letter = models.CharField(
        max_length=1, unique=True, validators=[RegexValidator(r"^[A-Z]$", "Use one capital letter.")]
    )
    text = models.TextField()
    area = models.ForeignKey(
        KeyWorkingFunctionArea, on_delete=models.SET_NULL, null=True, blank=True, related_name="functions"
    )

    panels = [FieldPanel("letter"), FieldPanel("text"), FieldPanel("area"), *SOURCE_PANELS]

    class Meta:
        ordering = ["letter"]

    def __str__(self) -> str:
        return f"{self.letter}. {self.text}"


class Resource(RevisionMixin, SeedSourced, models.Model):
    """An Early Support resource trainers must know (000:L2266–2276, L550–554)."""

    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    url = models.URLField("web address", blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("url"), FieldPanel("document"), *SOURCE_PANELS]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class GlossaryTerm(RevisionMixin, SeedSourced, models.Model):
    """A programme term trainers must master and explain without jargon (000:L2745–2751)."""

    term = models.CharField(max_length=120, unique=True)
    definition = models.TextField()

    panels = [FieldPanel("term"), FieldPanel("definition"), *SOURCE_PANELS]

    class Meta:
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term


class PersonSpecificationCriterion(RevisionMixin, SeedSourced, models.Model):
    """An essential criterion trainer candidates are assessed against (000:L1948–1992)."""

    class AppliesTo(models.TextChoices):
        ALL_TRAINERS = "trainer", "Trainer and Lead Trainer"
        LEAD_TRAINERS = "lead", "Lead Trainer only"

    applies_to = models.CharField(max_length=10, choices=AppliesTo.choices, default=AppliesTo.ALL_TRAINERS)
    number = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    text = models.TextField()

    panels = [FieldPanel("applies_to"), FieldPanel("number"), FieldPanel("text"), *SOURCE_PANELS]

    class Meta:
        ordering = ["-applies_to", "number"]
        verbose_name_plural = "person specification criteria"
        constraints = [
            models.UniqueConstraint(fields=["applies_to", "number"], name="courses_criterion_applies_number_unique")
        ]

    def __str__(self) -> str:
        return self.text
