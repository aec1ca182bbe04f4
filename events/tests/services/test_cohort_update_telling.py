"""What `cohort_update` reports for the editor to word (how many people with a place it emailed), and
`venue_clashes`, the other cohorts' days at the same venue on the same dates (a warning, not a rule)."""

from django.core import mail

from events.models import Cohort
from events.selectors.venues import venue_clashes
from events.services.cohorts import cohort_cancel, cohort_update
from events.tests.factories import VenueFactory, edited, in_days


def test_moving_a_day_reports_how_many_people_with_a_place_were_emailed(make_cohort, fill, facilitator, run_tasks):
    cohort = make_cohort(status=Cohort.Status.RECRUITING)
    fill(cohort, 3)
    mail.outbox.clear()

    result = cohort_update(cohort=edited(cohort, day2=in_days(50)), actor=facilitator)
    run_tasks()

    assert result.cohort.pk == cohort.pk
    assert result.people_told == 3 == len(mail.outbox)


def test_nothing_told_reports_nobody_and_still_returns_the_cohort(make_cohort, fill, facilitator):
    draft = make_cohort(status=Cohort.Status.DRAFT)
    recruiting = make_cohort(status=Cohort.Status.RECRUITING)
    fill(recruiting, 2)

    moved_draft = cohort_update(cohort=edited(draft, day2=in_days(50)), actor=facilitator)
    unchanged = cohort_update(cohort=edited(recruiting), actor=facilitator)

    assert (moved_draft.cohort.pk, moved_draft.people_told) == (draft.pk, 0)
    assert (unchanged.cohort.pk, unchanged.people_told) == (recruiting.pk, 0)


def test_venue_clashes_finds_other_open_cohorts_on_the_same_day_in_one_query(
    make_cohort, facilitator, django_assert_num_queries
):
    cohort = make_cohort(days=(30, 44))
    same_day = make_cohort(venue=cohort.venue, days=(44, 58))
    make_cohort(venue=cohort.venue, days=(31, 45))  # other days
    make_cohort(venue=VenueFactory(region=cohort.region), days=(30, 44))  # another venue
    called_off = make_cohort(venue=cohort.venue, days=(30, 44))
    cohort_cancel(cohort=called_off, actor=facilitator, reason="The trainer is ill")

    with django_assert_num_queries(1):
        clashes = venue_clashes(cohort)

    assert [(session.cohort, session.date) for session in clashes] == [(same_day, in_days(44))]


def test_a_cohort_without_a_venue_has_no_clashes(make_cohort, django_assert_num_queries):
    cohort = make_cohort(venue=None, status=Cohort.Status.DRAFT)

    with django_assert_num_queries(0):
        assert venue_clashes(cohort) == []
