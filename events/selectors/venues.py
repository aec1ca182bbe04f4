"""What a venue is booked for (issue #21 leftovers: a facilitator is warned of a double booking)."""

from events.models import Cohort, Session


def venue_clashes(cohort: Cohort) -> list[Session]:
    """Other cohorts' days at `cohort`'s venue on one of its dates, cancelled cohorts left out, in one
    query. A warning, not a refusal: a big venue can hold two cohorts on one day."""
    if cohort.venue_id is None:
        return []
    its_dates = Session.objects.filter(cohort_id=cohort.pk).values("date")
    return list(
        Session.objects.filter(cohort__venue_id=cohort.venue_id, date__in=its_dates)
        .exclude(cohort_id=cohort.pk)
        .exclude(cohort__status=Cohort.Status.CANCELLED)
        .select_related("cohort")
        .order_by("date", "cohort__title")
    )
