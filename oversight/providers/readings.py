"""Readings finished before each day (issue #7 point 1): readings were often skipped (000:L898–904),
so the programme needs to see, day by day, how many people came having done them.

Which readings are due before which day is the course's rule (feedback/selectors/readings.py): each
day's course links its readings (pre-reading before Day 1, interim reading before Day 2,
000:L2308–2330), and each reading is due before the first of the person's days that asks for it. A
reading is finished when every item is ticked and every question answered; the day it was finished
is the day of the last tick or answer (an answer changed later moves that day later).
"""

from collections import defaultdict

from django.db.models import Count, Max
from django.db.models.functions import TruncDate

from courses.models import ReadingItem, ReadingQuestion
from events.models import Cohort, Registration
from events.selectors.sessions import sessions_for_registration
from feedback.models import ReadingAnswer, ReadingItemProgress
from feedback.selectors.readings import readings_by_course
from oversight.measures import MeasureContext, MeasureDefinition

DEFINITIONS = [
    MeasureDefinition(  # 000:L2308–2330
        "readings_before_day",
        "Readings completed before each day",
        "Of the confirmed places on days already held with readings due: every reading due before the "
        "day finished by the day's date.",
    ),
]


def PROVIDER(cohorts: list[Cohort], context: MeasureContext) -> dict[int, dict]:
    """Each confirmed person on each of their days already held counts once, with their own cohort
    (a Day 1 guest too), when some reading was due before that day."""
    groups = [(group.places, sessions_for_registration(group.example)) for group in context.places]
    by_course = readings_by_course(session.course_id for _, sessions in groups for session in sessions)
    due = []
    for group, sessions in groups:
        seen: set[int] = set()
        for session in sessions:
            readings = {reading.pk for reading in by_course[session.course_id]} - seen
            seen |= readings
            if readings and session.date < context.today:
                due.extend((place, session.date, readings) for place in group)
    if not due:
        return {}
    finished, nothing_to_do = _finished_on({cohort.pk for cohort in cohorts}, set().union(*(r for _, _, r in due)))
    counts = defaultdict(lambda: [0, 0])
    for place, day, readings in due:
        finished_days = [finished.get((place.person_id, reading)) for reading in readings - nothing_to_do]
        counts[place.cohort_id][0] += int(all(on is not None and on <= day for on in finished_days))
        counts[place.cohort_id][1] += 1
    return {cohort_id: {"readings_before_day": tuple(pair)} for cohort_id, pair in counts.items()}


def _finished_on(cohort_ids: set[int], reading_ids: set[int]) -> tuple[dict[tuple[int, int], object], set[int]]:
    """{(person id, reading id): the day it was finished} for people with a confirmed place on these
    cohorts (unfinished readings are left out), and the readings with nothing to do. Aggregates only:
    four queries whatever the numbers."""
    items = _totals(ReadingItem.objects.filter(reading_id__in=reading_ids))
    questions = _totals(ReadingQuestion.objects.filter(reading_id__in=reading_ids))
    ticked = _progress(ReadingItemProgress, "item", "completed_at", cohort_ids, reading_ids)
    answered = _progress(ReadingAnswer, "question", "answered_at", cohort_ids, reading_ids)
    finished = {}
    for key in ticked.keys() | answered.keys():
        reading = key[1]
        (ticks, last_tick), (answers, last_answer) = ticked.get(key, (0, None)), answered.get(key, (0, None))
        if ticks >= items.get(reading, 0) and answers >= questions.get(reading, 0):
            finished[key] = max(day for day in (last_tick, last_answer) if day is not None)
    return finished, {reading for reading in reading_ids if not items.get(reading) and not questions.get(reading)}


def _totals(queryset) -> dict[int, int]:
    return dict(queryset.order_by().values_list("reading_id").annotate(total=Count("pk")))


def _progress(model, step: str, stamp: str, cohort_ids: set[int], reading_ids: set[int]) -> dict:
    """{(person id, reading id): (steps done, day of the last)}. The join to registrations can repeat a
    row for someone with two places, hence the distinct count."""
    rows = (
        model.objects.filter(
            **{f"{step}__reading_id__in": reading_ids},
            person__registrations__cohort_id__in=cohort_ids,
            person__registrations__status=Registration.Status.CONFIRMED,
        )
        .values_list("person_id", f"{step}__reading_id")
        .annotate(done=Count("pk", distinct=True), last=Max(TruncDate(stamp)))
        .order_by()
    )
    return {(person_id, reading_id): (done, last) for person_id, reading_id, done, last in rows}
