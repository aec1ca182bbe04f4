"""The confirmed places of the cohorts on the dashboard, read once and shared by the providers that
follow each person through their days (packs, agendas, readings)."""

from django.db.models import Prefetch

from events.models import Cohort, Registration, Session

#: What the providers read of a registration: whose it is, which days they come to, when they
#: registered and on which side (family preparation).
PLACE_FIELDS = ("cohort_id", "person_id", "day1_cohort_id", "skips_day1", "registered_at", "applying_as", "status")
PREPARATION_FIELDS = ("support_contact", "conversation_done", "venue_checked", "planned_session_id", "planned_activity")


def day_sessions():
    """A cohort's days with their course (kind and title), in date order, for `Prefetch("sessions")`."""
    return Session.objects.only("cohort_id", "course_id", "date", "starts_at").prefetch_related("course")


def confirmed_places(cohorts: list[Cohort]) -> list[Registration]:
    """Confirmed registrations on `cohorts` (which carry their sessions), each with its cohort attached
    rather than loaded again; a Day 1 guest's other cohort is loaded with its sessions (two queries)."""
    by_id = {cohort.pk: cohort for cohort in cohorts}
    places = list(
        Registration.objects.filter(cohort_id__in=by_id, status=Registration.Status.CONFIRMED)
        .select_related("preparation")
        .only(*PLACE_FIELDS, *(f"preparation__{name}" for name in PREPARATION_FIELDS))
        .order_by()
    )
    guest_of = {place.day1_cohort_id for place in places if place.day1_cohort_id} - set(by_id)
    if guest_of:
        others = (
            Cohort.objects.filter(pk__in=guest_of).only("pk").prefetch_related(Prefetch("sessions", day_sessions()))
        )
        by_id = {**by_id, **{cohort.pk: cohort for cohort in others}}
    for place in places:
        place.cohort = by_id[place.cohort_id]
        if place.day1_cohort_id:
            place.day1_cohort = by_id[place.day1_cohort_id]
    return places
