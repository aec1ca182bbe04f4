"""A cohort is marked delivered only once each day's register is taken (issue #21 point 3): the
rule lives here and reaches events' service through `events.interfaces.register_delivery_check`."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from events.models import Cohort
from events.services.cohorts import cohort_mark_delivered
from feedback.tests.factories import attend


def test_delivered_without_a_days_register_is_refused_and_nothing_changes(cohort, day1, day2, enrol, facilitator):
    people = [enrol(), enrol()]
    for person in people:
        attend(person, day1)
    attend(people[0], day2)  # the other person on Day 2 has no mark: the register is not finished

    with pytest.raises(ValidationError) as refused:
        cohort_mark_delivered(cohort=cohort, actor=facilitator)

    assert [error.code for error in refused.value.error_list] == ["register_not_taken"]
    assert day2.course.title in refused.value.messages[0]
    cohort.refresh_from_db()
    assert cohort.status == Cohort.Status.CONFIRMED
    assert not ModelLogEntry.objects.filter(action="events.cohort.deliver").exists()


def test_delivered_once_every_days_register_is_taken(cohort, day1, day2, enrol, facilitator):
    people = [enrol(), enrol()]
    for session in (day1, day2):
        for person in people:
            attend(person, session, "absent" if person == people[1] and session == day2 else "present")

    cohort_mark_delivered(cohort=cohort, actor=facilitator)

    cohort.refresh_from_db()
    assert cohort.status == Cohort.Status.DELIVERED
    assert ModelLogEntry.objects.filter(action="events.cohort.deliver", object_id=str(cohort.pk)).count() == 1
