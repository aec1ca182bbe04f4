"""Reads for course pages and search, each a fixed number of queries however much content there is."""

from dataclasses import dataclass

from django.db.models import Prefetch
from wagtail.models import Page

from courses.access import can_see_trainer_material, visible_pages
from courses.models import (
    WRITTEN,
    CourseLearningOutcome,
    CoursePage,
    CourseReading,
    GlossaryTerm,
    KeyWorkingFunction,
    KeyWorkingFunctionArea,
    LearningOutcome,
    Principle,
    Resource,
    SectionPage,
    TrainerGuidePage,
)


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


def section_context(section: SectionPage, user) -> dict:
    course = section.get_parent().specific
    siblings = list(visible_pages(SectionPage.objects.sibling_of(section), user).order_by("number"))
    index = next((i for i, sibling in enumerate(siblings) if sibling.pk == section.pk), None)
    return {
        "course": course,
        "previous_section": siblings[index - 1] if index else None,
        "next_section": siblings[index + 1] if index is not None and index + 1 < len(siblings) else None,
        "show_trainer_material": can_see_trainer_material(user),
    }


def reading_context(reading, user) -> dict:
    """Items paired with the page they point to, when this person may open it (trainers' guides may not).
    Draft questions are left out: a placeholder must not pass for a real question (issue #23)."""
    items = list(reading.items.select_related("document", "page"))
    linked_ids = [item.page_id for item in items if item.page_id]
    visible_ids = set(visible_pages(Page.objects.filter(pk__in=linked_ids), user).values_list("pk", flat=True))
    return {
        "items": [(item, item.page if item.page_id in visible_ids else None) for item in items],
        "questions": list(reading.questions.filter(WRITTEN)),
        "questions_to_come": reading.questions.exclude(WRITTEN).exists(),
    }


def search_pages(query: str, user):
    """Search live public pages, less trainer-only ones for people who may not see them."""
    return visible_pages(Page.objects.all(), user).specific().search(query)
