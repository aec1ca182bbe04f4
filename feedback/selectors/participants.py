"""Who counts as a cohort's participants when something is fed back to them."""

from django.db.models import Q

from events.models import Registration, Session


def cohort_participants(session: Session):
    """Confirmed registrations of the day's cohort, plus guests who came to it as their Day 1."""
    confirmed = Registration.objects.filter(status=Registration.Status.CONFIRMED)
    if session.course.kind == "day1":
        return confirmed.filter(Q(cohort_id=session.cohort_id) | Q(day1_cohort_id=session.cohort_id))
    return confirmed.filter(cohort_id=session.cohort_id)


def session_ids_for_registration(registration: Registration) -> list[int]:
    """Every day of the person's cohort, and the Day 1 they attend with another cohort."""
    ids = [session.pk for session in registration.cohort.sessions.all()]
    if registration.day1_cohort_id:
        ids += list(
            Session.objects.filter(cohort_id=registration.day1_cohort_id, course__kind="day1").values_list(
                "pk", flat=True
            )
        )
    return ids
