"""Reading progress, for one participant or a whole cohort, in a fixed number of queries.

A reading is done when every item is marked read and every question answered; the progress bar
counts both (issue #6 point 1). Which readings a person has follows the course: each day's
`CourseReading` links (pre-reading before Day 1, interim reading before Day 2, 000:L2308–2330).
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import BooleanField, Value

from courses.models import WRITTEN, ReadingPage
from courses.reading_catalogue import reading_catalogue
from events.models import Registration, Session
from events.selectors.sessions import sessions_for_registration
from feedback.models import ReadingAnswer, ReadingItemProgress


@dataclass(frozen=True)
class ReadingProgress:
    items_done: int
    items_total: int
    answered: int
    questions_total: int

    @property
    def steps_done(self) -> int:
        return self.items_done + self.answered

    @property
    def steps_total(self) -> int:
        return self.items_total + self.questions_total

    @property
    def percent(self) -> int:
        return 100 if not self.steps_total else round(100 * self.steps_done / self.steps_total)

    @property
    def is_complete(self) -> bool:
        return self.steps_done >= self.steps_total

    @property
    def is_started(self) -> bool:
        return self.steps_done > 0


@dataclass(frozen=True)
class DueReading:
    reading: ReadingPage
    session: Session


def readings_by_course(course_ids) -> dict[int, list[ReadingPage]]:
    """Live readings linked to each course, in the editor's order (from the process's catalogue)."""
    catalogue = reading_catalogue().by_course
    by_course: dict[int, list[ReadingPage]] = defaultdict(list)
    for course_id in set(course_ids):
        by_course[course_id].extend(catalogue.get(course_id, ()))
    return by_course


def readings_for_registrations(registrations) -> dict[int, list[DueReading]]:
    """{registration id: each reading once, due before the first of the person's days that asks for it}
    (one query whatever the number; the registrations' cohorts carry their sessions)."""
    sessions = {registration.pk: sessions_for_registration(registration) for registration in registrations}
    by_course = readings_by_course(session.course_id for days in sessions.values() for session in days)
    due_by_registration = {}
    for pk, days in sessions.items():
        due, seen = [], set()
        for session in days:
            for reading in by_course[session.course_id]:
                if reading.pk not in seen:
                    seen.add(reading.pk)
                    due.append(DueReading(reading=reading, session=session))
        due_by_registration[pk] = due
    return due_by_registration


def readings_for_registration(registration: Registration) -> list[DueReading]:
    return readings_for_registrations([registration])[registration.pk]


def reading_progress(person_ids, reading_ids) -> dict[tuple[int, int], ReadingProgress]:
    """{(person id, reading id): progress} for every pair, in one query whatever the numbers."""
    person_ids, reading_ids = list(person_ids), list(reading_ids)
    totals = reading_catalogue().totals
    done = _steps_done(person_ids, reading_ids)
    progress = {}
    for reading_id in reading_ids:
        items_total, questions_total = totals.get(reading_id, (0, 0))
        for person_id in person_ids:
            items_done, answered = done.get((person_id, reading_id), (0, 0))
            progress[(person_id, reading_id)] = ReadingProgress(
                items_done=items_done, items_total=items_total, answered=answered, questions_total=questions_total
            )
    return progress


def _steps_done(person_ids, reading_ids) -> dict[tuple[int, int], tuple[int, int]]:
    """{(person id, reading id): (items read, questions answered)}: their ticks and answers in one
    query (a union), each given its reading by the catalogue rather than by a join."""
    catalogue, wanted = reading_catalogue(), set(reading_ids)
    items = [item for item, reading in catalogue.item_readings.items() if reading in wanted]
    questions = [question for question, reading in catalogue.question_readings.items() if reading in wanted]
    ticks = (
        ReadingItemProgress.objects.filter(person_id__in=person_ids, item_id__in=items)
        .order_by()
        .values_list("person_id", "item_id", Value(False, output_field=BooleanField()))
    )
    answers = (
        ReadingAnswer.objects.filter(person_id__in=person_ids, question_id__in=questions)
        .order_by()
        .values_list("person_id", "question_id", Value(True, output_field=BooleanField()))
    )
    done: dict[tuple[int, int], tuple[int, int]] = {}
    for person_id, step_id, is_answer in ticks.union(answers, all=True):
        reading_id = (catalogue.question_readings if is_answer else catalogue.item_readings)[step_id]
        items_read, answered = done.get((person_id, reading_id), (0, 0))
        done[(person_id, reading_id)] = (items_read + (not is_answer), answered + is_answer)
    return done


def reading_page_state(person, reading: ReadingPage) -> dict:
    """The reading with this person's ticks and answers, for the participant's reading page."""
    items = list(reading.items.select_related("document").order_by("sort_order", "pk"))
    questions = list(reading.questions.filter(WRITTEN).order_by("sort_order", "pk"))
    done = set(
        ReadingItemProgress.objects.filter(person=person, item__reading=reading).values_list("item_id", flat=True)
    )
    answers = {
        answer.question_id: answer
        for answer in ReadingAnswer.objects.filter(person=person, question__reading=reading).select_related("question")
    }
    progress = ReadingProgress(
        items_done=len(done), items_total=len(items), answered=len(answers), questions_total=len(questions)
    )
    return {"items": items, "questions": questions, "done": done, "answers": answers, "progress": progress}


@dataclass
class CohortReadingRow:
    registration: Registration
    progress: list[tuple[ReadingPage, ReadingProgress]]


def cohort_reading_completion(cohort) -> tuple[list[ReadingPage], list[CohortReadingRow]]:
    """Every confirmed participant's progress on each of the cohort's readings (trainers' view)."""
    sessions = list(cohort.sessions.all())
    by_course = readings_by_course(session.course_id for session in sessions)
    readings = list({reading.pk: reading for s in sessions for reading in by_course[s.course_id]}.values())
    registrations = list(
        Registration.objects.filter(cohort=cohort, status=Registration.Status.CONFIRMED)
        .select_related("person")
        .order_by("person__last_name", "person__first_name", "pk")
    )
    progress = reading_progress([r.person_id for r in registrations], [reading.pk for reading in readings])
    rows = [
        CohortReadingRow(
            registration=registration,
            progress=[(reading, progress[(registration.person_id, reading.pk)]) for reading in readings],
        )
        for registration in registrations
    ]
    return readings, rows
