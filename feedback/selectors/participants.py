"""Who counts as a cohort's participants when something is fed back to them."""

from django.db.models import Q

from events.models import Registration, Session


def cohort_participants(session: Session):
    """Confirmed registrations of the day's cohort, plus guests who came to it as their Day 1."""
    confirmed = Registration.objects.filter(status=Registration.Status.CONFIRMED)
    if session.course.kind == "day1":
        return confirmed.filter(Q(cohort_id=session.cohort_id) | Q(day1_cohort_id=session.cohort_id))
    return confirmed.filter(cohort_id=session.cohort_id)


def sessions_of_registration(registration: Registration) -> list[Session]:
    """Every day of the person's cohort, and the Day 1 they attend with another cohort, from the
    sessions the caller prefetched with their courses (as `feedback.selectors.course.with_course_work`)."""
    sessions = list(registration.cohort.sessions.all())
    if registration.day1_cohort_id:
        sessions += [session for session in registration.day1_cohort.sessions.all() if session.is_day1]
    return sessions
