"""The programme page and its courses: Day 1, the two Day 2s and Training for Trainers (DOMAIN.md §3).

A course page is what a newcomer reads to decide to come, so it carries the outcomes, the readings
that come before it, the length of the day and who it is for. Every course page is revisioned by
Wagtail; `Page.live_revision_id` names the revision a cohort is delivered from.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, Q
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BodyBlock
from courses.access import can_see_trainer_material, visible_pages
from courses.caching import cached_page_body
from courses.models.base import WRITTEN, SeedSourced
from courses.models.reference import (
    GlossaryTerm,
    KeyWorkingFunction,
    KeyWorkingFunctionArea,
    LearningOutcome,
    Principle,
    Resource,
)
from courses.models.sections import SectionPage
from courses.models.trainer_guides import TrainerGuidePage

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


# What the programme and course pages show, each a fixed number of queries however much content there is.


@dataclass(frozen=True)
class SequenceStep:
    """One step of the course sequence; a step with several pages offers a choice (Day 2's versions)."""

    pages: list[Page]


def _courses_with_links(queryset):
    return queryset.prefetch_related(
        Prefetch("outcome_links", queryset=CourseLearningOutcome.objects.select_related("outcome")),
        Prefetch("reading_links", queryset=CourseReading.objects.select_related("reading")),
    )


def course_sequence(courses: list[CoursePage]) -> list[SequenceStep]:
    """Pre-reading → Day 1 → interim reading → Day 2, in either version (000:L2308–2334)."""
    steps, shown = [], set()
    for kind in (CoursePage.Kind.DAY1, CoursePage.Kind.DAY2, CoursePage.Kind.T4T):
        day = [course for course in courses if course.kind == kind]
        readings = []
        for course in day:
            for link in course.reading_links.all():
                if link.reading_id not in shown and link.reading.live:
                    shown.add(link.reading_id)
                    readings.append(link.reading)
        if readings:
            steps.append(SequenceStep(readings))
        if day:
            steps.append(SequenceStep(day))
    return steps


def _key_working_sections(courses: list[CoursePage], user) -> list[tuple[CoursePage, SectionPage]]:
    """Where key working itself is taught, so newcomers know where it sits (000:L4505–4507, L4546–4552)."""
    by_path = {course.path: course for course in courses}
    sections = visible_pages(SectionPage.objects.filter(is_key_working_content=True), user).order_by("path")
    return [
        (by_path[section.path[: -SectionPage.steplen]], section)
        for section in sections
        if section.path[: -SectionPage.steplen] in by_path
    ]


def programme_overview(programme, user) -> dict:
    courses = list(_courses_with_links(visible_pages(CoursePage.objects.child_of(programme), user)))
    es_courses = [course for course in courses if course.kind != CoursePage.Kind.T4T]
    t4t = [course for course in courses if course.kind == CoursePage.Kind.T4T]
    show_trainer_material = can_see_trainer_material(user)
    return {
        "sequence": course_sequence(es_courses),
        "t4t_sequence": course_sequence(t4t),
        "key_working_sections": _key_working_sections(courses, user),
        "principles": list(Principle.objects.all()),
        "functions": list(KeyWorkingFunction.objects.all()),
        "function_areas": list(KeyWorkingFunctionArea.objects.all()),
        "resources": list(Resource.objects.select_related("document")),
        "glossary": list(GlossaryTerm.objects.filter(WRITTEN)),
        "glossary_to_come": GlossaryTerm.objects.exclude(WRITTEN).exists(),
        "outcomes": list(LearningOutcome.objects.filter(programme=LearningOutcome.Programme.COURSE)),
        "trainer_guides": (
            list(visible_pages(TrainerGuidePage.objects.child_of(programme), user)) if show_trainer_material else []
        ),
        "show_trainer_material": show_trainer_material,
    }


def course_outline(course: CoursePage, user) -> dict:
    """The written sections only; drafts are counted so the page can say more are coming (issue #23)."""
    every_section = list(visible_pages(SectionPage.objects.child_of(course), user).order_by("number"))
    sections = [section for section in every_section if not section.is_placeholder]
    show_trainer_material = can_see_trainer_material(user)
    return {
        "programme": course.get_parent(),
        "sections": sections,
        "sections_to_come": len(every_section) - len(sections),
        "planned_section_minutes": sum(section.planned_minutes or 0 for section in sections),
        "outcomes": [link.outcome for link in course.outcome_links.select_related("outcome")],
        "readings_before": [link for link in course.reading_links.select_related("reading") if link.reading.live],
        "trainer_guides": (
            list(visible_pages(TrainerGuidePage.objects.child_of(course), user)) if show_trainer_material else []
        ),
        "show_trainer_material": show_trainer_material,
    }
