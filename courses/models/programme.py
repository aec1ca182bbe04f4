"""The programme page and its courses: Day 1, the two Day 2s and Training for Trainers (DOMAIN.md §3).

A course page is what a newcomer reads to decide to come, so it carries the outcomes, the readings
that come before it, the length of the day and who it is for. Every course page is revisioned by
Wagtail; `Page.live_revision_id` names the revision a cohort is delivered from.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BodyBlock
from courses.models.base import SeedSourced

#: "Each day's five and a half hours of content" (000:L2340; 5h30m observed, 000:L3061).
DAY_MINUTES = 330

PLAIN_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class ProgrammePage(Page):
    """The whole Early Support and key working programme: one per site, linked from the home page."""

    intro = RichTextField(features=PLAIN_FEATURES, blank=True)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["courses.CoursePage", "courses.ReadingPage", "courses.TrainerGuidePage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from courses.caching import cached_page_body
        from courses.selectors import programme_overview

        context = super().get_context(request, *args, **kwargs)
        context["body"] = cached_page_body(
            self, request, "courses/includes/programme_body.html", lambda: programme_overview(self, request.user)
        )
        return context


class CoursePage(SeedSourced, Page):
    class Kind(models.TextChoices):
        DAY1 = "day1", "Day 1"
        DAY2 = "day2", "Day 2"
        T4T = "t4t", "Training for Trainers"

    class Variant(models.TextChoices):
        SHARED = "", "Shared by both versions"
        KWIP = "kwip", "Key Working in Practice"
        WIP = "wip", "Working in Partnership"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    variant = models.CharField(
        max_length=10,
        choices=Variant.choices,
        blank=True,
        # 000:L2332–2334; 000:L2316–2324
        help_text="Day 2 has two distinct versions; Day 1 is shared.",
    )
    days = models.PositiveSmallIntegerField(
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        # 000:L3516
        help_text="Training for Trainers runs over two days.",
    )
    planned_minutes = models.PositiveSmallIntegerField(
        "planned minutes each day",
        default=DAY_MINUTES,
        validators=[MinValueValidator(30), MaxValueValidator(600)],
        # 000:L2340
        help_text="330 minutes is the programme's 5½ hours of content a day.",
    )
    summary = models.TextField(help_text="In plain English: what this day is about, for someone deciding to come.")
    who_is_it_for = RichTextField(
        features=PLAIN_FEATURES, blank=True, help_text="Say plainly that parent carers are welcome."
    )
    preparation = RichTextField(
        "before you come", features=PLAIN_FEATURES, blank=True, help_text="Tasks to do before the day."
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("variant")]),
                FieldRowPanel([FieldPanel("days"), FieldPanel("planned_minutes")]),
            ],
            heading="Course",
        ),
        FieldPanel("summary"),
        FieldPanel("who_is_it_for"),
        FieldPanel("preparation"),
        InlinePanel("outcome_links", heading="Learning outcomes", label="Learning outcome"),
        InlinePanel("reading_links", heading="Readings before this course", label="Reading"),
        MultiFieldPanel([FieldPanel("seed_reference"), FieldPanel("is_placeholder")], heading="Source"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("who_is_it_for")]

    parent_page_types = ["courses.ProgrammePage"]
    subpage_types = ["courses.SectionPage", "courses.TrainerGuidePage"]

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="day2") & Q(variant__in=["kwip", "wip"])) | (~Q(kind="day2") & Q(variant="")),
                name="courses_course_variant_only_for_day2",
            )
        ]

    def clean(self):
        super().clean()
        if self.kind == self.Kind.DAY2 and not self.variant:
            raise ValidationError({"variant": "Choose which version of Day 2 this is."})
        if self.kind != self.Kind.DAY2 and self.variant:
            raise ValidationError({"variant": "Only Day 2 has versions."})

    def get_context(self, request, *args, **kwargs):
        from courses.caching import cached_page_body
        from courses.selectors import course_outline

        context = super().get_context(request, *args, **kwargs)
        context["body"] = cached_page_body(
            self, request, "courses/includes/course_body.html", lambda: course_outline(self, request.user)
        )
        return context


class CourseLearningOutcome(Orderable):
    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="outcome_links")
    outcome = models.ForeignKey("courses.LearningOutcome", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("outcome")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["course", "outcome"], name="courses_course_outcome_unique")]


class CourseReading(Orderable):
    """A reading to do before the course (pre-reading before Day 1, interim before Day 2, 000:L2308–2330)."""

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="reading_links")
    reading = models.ForeignKey("courses.ReadingPage", on_delete=models.CASCADE, related_name="+")
    required = models.BooleanField(
        "must be finished to take part",
        default=False,
        # 000:L404–406
        help_text="Completing the T4T pre-reading is a condition of taking part.",
    )

    panels = [FieldPanel("reading"), FieldPanel("required")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["course", "reading"], name="courses_course_reading_unique")]
