"""Which live readings each course asks for, and how many steps each reading has (issue #8).

Nearly every participant and trainer page needs this (dashboards, a day's register, the pathway),
and it changes only when an editor publishes. So the whole catalogue, a handful of courses and
readings read in five queries, is kept in the shared cache under the content generation
(courses.caching.CONTENT, issue #20): saving or deleting a page, a course's reading links or a
reading's items and questions shows on every app process's next read.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q

from core.caching import cached
from courses.caching import CONTENT
from courses.models import WRITTEN, CourseReading, ReadingItem, ReadingPage, ReadingQuestion


@dataclass(frozen=True)
class ReadingCatalogue:
    #: {course page id: the live readings it links, in the editor's order}
    by_course: dict[int, tuple[ReadingPage, ...]]
    #: {reading page id: (items, questions)}, for every reading, live or not
    totals: dict[int, tuple[int, int]]
    #: The live T4T pre-readings, in the page tree's order (000:L404–406)
    t4t_pre_readings: tuple[ReadingPage, ...]
    #: {reading item id: its reading's id} and {question id: its reading's id}, for every reading:
    #: a person's progress is counted from their ticks and answers without joining them to readings
    item_readings: dict[int, int]
    question_readings: dict[int, int]


def reading_catalogue() -> ReadingCatalogue:
    return cached(
        "courses:reading-catalogue",
        _read_catalogue,
        generation_names=[CONTENT],
        timeout=settings.COURSES_PAGE_CACHE_SECONDS,
    )


def _read_catalogue() -> ReadingCatalogue:
    live = {reading.pk: reading for reading in ReadingPage.objects.live().order_by("path")}
    by_course: dict[int, list[ReadingPage]] = {}
    links = CourseReading.objects.filter(reading_id__in=live).order_by("sort_order", "pk")
    for course_id, reading_id in links.values_list("course_id", "reading_id"):
        by_course.setdefault(course_id, []).append(live[reading_id])
    counts = (
        ReadingPage.objects.order_by()
        .values_list("pk")
        .annotate(
            items=Count("items", distinct=True),
            questions=Count("questions", filter=Q(questions__is_placeholder=False), distinct=True),
        )
    )
    return ReadingCatalogue(
        by_course={course_id: tuple(readings) for course_id, readings in by_course.items()},
        totals={reading_id: (items, questions) for reading_id, items, questions in counts},
        t4t_pre_readings=tuple(r for r in live.values() if r.kind == ReadingPage.Kind.T4T_PRE_READING),
        item_readings=dict(ReadingItem.objects.values_list("pk", "reading_id")),
        question_readings=dict(ReadingQuestion.objects.filter(WRITTEN).values_list("pk", "reading_id")),
    )
