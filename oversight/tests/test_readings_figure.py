""" "Readings completed before each day" equals a count made in the test from the rows it wrote: each
confirmed person on each day already held, done when every reading due before that day was finished
(every item ticked, every question answered) on or before the day's date."""

from django.urls import reverse
from django.utils import timezone

from core.models import Region
from core.roles import Role
from events.models import Cohort, Registration
from events.tests.factories import in_days
from oversight.selectors import cohorts_in_scope, fidelity_report
from oversight.tests.factories import Record, place

KEY = "readings_before_day"


def figure(user, **filters):
    report = fidelity_report(
        cohorts_in_scope(user, **filters), regions=Region.objects.all(), today=timezone.localdate()
    )
    return next((f.done, f.out_of) for f in report.overall if f.definition.key == KEY)


def test_it_counts_each_person_on_each_day_held_who_had_finished_that_days_readings(make_cohort, make_user, readings):
    pre, interim = readings["pre"], readings["interim"]
    cohort = make_cohort(status=Cohort.Status.DELIVERED, days=(-20, -6))
    day1, day2 = sorted(session.date for session in cohort.sessions.all())
    record = Record()
    on_time, late, partial, nothing = (place(cohort) for _ in range(4))
    record.finish(on_time.person, pre, on=-25)
    record.finish(on_time.person, interim, on=-10)
    record.finish(late.person, pre, on=-19)  # the day after Day 1: not before it
    record.finish(late.person, interim, on=-6)  # on Day 2 itself: by the day's date
    record.finish(partial.person, pre, on=-25, skip_question=True)
    record.finish(partial.person, interim, on=-3)  # after Day 2
    skipper = place(cohort, skips_day1=True)  # Day 2 only: only the interim reading is due before it
    record.finish(skipper.person, interim, on=-8)
    waiting = place(cohort, status=Registration.Status.WAITING)  # no place: not counted
    record.finish(waiting.person, pre, on=-30)
    coming = make_cohort(status=Cohort.Status.CONFIRMED, days=(0, 10))  # no day held before today yet
    record.finish(place(coming).person, pre, on=-5)

    days = {on_time: [(day1, [pre]), (day2, [interim])], skipper: [(day2, [interim])]}
    for registration in (late, partial, nothing):
        days[registration] = [(day1, [pre]), (day2, [interim])]
    expected_done = sum(
        all(record.finished_by(registration.person, reading, day) for reading in due)
        for registration, pairs in days.items()
        for day, due in pairs
    )
    expected_out_of = sum(len(pairs) for pairs in days.values())

    assert figure(make_user(Role.PROGRAMME_ADMIN)) == (expected_done, expected_out_of)
    assert (expected_done, expected_out_of) == (4, 9)  # on_time ×2, late Day 2, skipper


def test_a_reading_finished_for_an_earlier_place_still_counts(make_cohort, make_user, readings):
    """Progress belongs to the person, not the place: a reading done long before still counts."""
    cohort = make_cohort(status=Cohort.Status.DELIVERED, days=(-20, -6))
    registration = place(cohort)
    Record().finish(registration.person, readings["pre"], on=-200)

    assert figure(make_user(Role.PROGRAMME_ADMIN)) == (1, 2)


def test_a_facilitator_counts_only_people_on_their_regions_cohorts(
    make_cohort, make_user, readings, region, other_region
):
    record = Record()
    for where in (region, other_region, other_region):
        cohort = make_cohort(status=Cohort.Status.DELIVERED, days=(-20, -6), region=where)
        person = place(cohort).person
        record.finish(person, readings["pre"], on=-30)
        record.finish(person, readings["interim"], on=-30)
    facilitator = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])

    assert figure(facilitator) == (2, 2)
    assert figure(facilitator, region=other_region) == (0, 0)
    assert figure(make_user(Role.PROGRAMME_ADMIN)) == (6, 6)


def test_the_figure_is_on_the_page_its_region_chart_and_the_export(client, make_cohort, make_user, readings):
    cohort = make_cohort(status=Cohort.Status.DELIVERED, days=(-20, -6))
    Record().finish(place(cohort).person, readings["pre"], on=-30)
    place(cohort)
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))
    period = {"start": in_days(-30).isoformat(), "end": in_days(0).isoformat()}

    page = client.get(reverse("oversight_fidelity"), period).content.decode()
    export = client.get(reverse("oversight_fidelity"), {**period, "export": "csv"}).content.decode()

    assert "Readings completed before each day" in page
    assert "London: 25% (1 of 4)" in page  # the region chart's text alternative
    assert "England (selected regions),Readings completed before each day,1,4,25" in export
    assert "London,Readings completed before each day,1,4,25" in export


def test_a_day1_guest_counts_with_their_own_cohort_against_the_day1_they_came_to(
    make_cohort, make_user, readings, region, other_region
):
    """Their Day 1 was another region's cohort's (not on the facilitator's dashboard): it still counts."""
    own = make_cohort(status=Cohort.Status.DELIVERED, days=(-20, -6), region=region)
    elsewhere = make_cohort(status=Cohort.Status.DELIVERED, days=(-25, -12), region=other_region)
    record = Record()
    early, late = (place(own, day1_cohort=elsewhere) for _ in range(2))
    record.finish(early.person, readings["pre"], on=-26)
    record.finish(late.person, readings["pre"], on=-22)  # after the Day 1 they came to (-25)
    for guest in (early, late):
        record.finish(guest.person, readings["interim"], on=-7)
    facilitator = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])
    day1 = min(session.date for session in elsewhere.sessions.all())
    expected = sum(
        record.finished_by(guest.person, reading, day)
        for guest in (early, late)
        for reading, day in ((readings["pre"], day1), (readings["interim"], in_days(-6)))
    )

    assert figure(facilitator) == (expected, 4)
    assert expected == 3
