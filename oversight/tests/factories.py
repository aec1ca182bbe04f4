"""Set-up for the dashboard's tests: readings linked to the days, reading progress written with the day
it happened (and remembered, so tests can count independently), places on cohorts."""

import datetime

import pytest
from django.utils import timezone

from core.tests.factories import UserFactory
from courses.models import CourseReading
from courses.tests.factories import ReadingItemFactory, ReadingPageFactory, ReadingQuestionFactory
from events.models import Registration
from events.tests.factories import RegistrationFactory, in_days
from feedback.models import ReadingAnswer, ReadingItemProgress


@pytest.fixture
def readings(courses):
    """A pre-reading (an item and a question) for Day 1 and an interim reading (an item) for Day 2."""
    programme = courses["day1"].get_parent()
    pre = ReadingPageFactory(parent=programme, title="Pre-reading", kind="pre")
    ReadingItemFactory(reading=pre)
    ReadingQuestionFactory(reading=pre)
    interim = ReadingPageFactory(parent=programme, title="Interim reading", kind="interim")
    ReadingItemFactory(reading=interim)
    CourseReading.objects.create(course=courses["day1"], reading=pre)
    CourseReading.objects.create(course=courses["kwip"], reading=interim)
    return {"pre": pre, "interim": interim}


class Record:
    """Writes reading progress with the day it happened, and remembers what it wrote."""

    def __init__(self):
        self.steps: dict[tuple[int, int], list[datetime.date]] = {}

    def finish(self, person, reading, *, on: int, skip_question=False) -> None:
        day = in_days(on)
        at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
        for item in reading.items.all():
            ReadingItemProgress.objects.create(person=person, item=item)
            ReadingItemProgress.objects.filter(person=person, item=item).update(completed_at=at)
            self.steps.setdefault((person.pk, reading.pk), []).append(day)
        for question in [] if skip_question else reading.questions.all():
            ReadingAnswer.objects.create(person=person, question=question, choice_id="x")
            ReadingAnswer.objects.filter(person=person, question=question).update(answered_at=at)
            self.steps.setdefault((person.pk, reading.pk), []).append(day)

    def finished_by(self, person, reading, day: datetime.date) -> bool:
        steps = self.steps.get((person.pk, reading.pk), [])
        needed = reading.items.count() + reading.questions.count()
        return len(steps) == needed and all(step <= day for step in steps)


def place(cohort, **fields) -> Registration:
    return RegistrationFactory(cohort=cohort, person=UserFactory(), **fields)
