"""What `cohort_update` reports for the editor to word (how many people with a place it emailed), and
`venue_clashes`, the other cohorts' days at the same venue on the same dates (a warning, not a rule)."""

from django.core import mail

from events.models import Cohort
from events.services.cohorts import cohort_update
from events.tests.factories import edited, in_days


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
