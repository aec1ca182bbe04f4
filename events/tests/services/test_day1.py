"""Recording Day 1 once: by the register (issue #6) or as an equivalent by a facilitator."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from events.models import Day1Completion
from events.services.day1 import day1_completion_record, day1_completions_withdraw
from events.tests.factories import in_days


def test_a_facilitator_records_an_equivalent_day1(participant, facilitator):
    completion = day1_completion_record(
        person=participant,
        kind=Day1Completion.Kind.EQUIVALENT,
        completed_on=in_days(-90),
        note="Leeds, 2025",
        actor=facilitator,
    )

    assert completion.recorded_by == facilitator
    entry = ModelLogEntry.objects.get(action="events.day1.record")
    assert entry.user == facilitator and entry.data["kind"] == "equivalent"


def test_recording_again_keeps_the_first_record(participant, cohort):
    first = day1_completion_record(
        person=participant, kind="attended", completed_on=in_days(-2), cohort=cohort, actor=None
    )

    again = day1_completion_record(
        person=participant, kind="attended", completed_on=in_days(-1), cohort=cohort, actor=None
    )

    assert again == first and Day1Completion.objects.count() == 1
    assert ModelLogEntry.objects.filter(action="events.day1.record").count() == 1


@pytest.mark.parametrize(
    ("kind", "days", "note", "code"),
    [("attended", 1, "", "in_future"), ("equivalent", -10, " ", "note_required")],
)
def test_day1_records_must_be_real(participant, kind, days, note, code):
    with pytest.raises(ValidationError) as refused:
        day1_completion_record(person=participant, kind=kind, completed_on=in_days(days), note=note, actor=None)

    assert refused.value.code == code
    assert not Day1Completion.objects.exists()


def test_withdrawing_takes_back_only_what_that_cohorts_register_recorded(make_user, cohort, make_cohort):
    from_this, from_another, equivalent = make_user(), make_user(), make_user()
    day1_completion_record(person=from_this, kind="attended", completed_on=in_days(-2), cohort=cohort, actor=None)
    other = make_cohort()
    day1_completion_record(person=from_another, kind="attended", completed_on=in_days(-2), cohort=other, actor=None)
    day1_completion_record(person=equivalent, kind="equivalent", completed_on=in_days(-9), note="Leeds", actor=None)

    taken_back = day1_completions_withdraw(people=[from_this, from_another, equivalent], cohort=cohort, actor=None)

    assert taken_back == 1
    assert set(Day1Completion.objects.values_list("person", flat=True)) == {from_another.pk, equivalent.pk}
    assert ModelLogEntry.objects.get(action="events.day1.withdraw").data["person"] == from_this.pk
