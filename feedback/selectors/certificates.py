"""Who has earned a certificate of attendance, and what the public check shows (issue #6 point 7)."""

import datetime

from events.models import Cohort, Registration
from events.selectors.day1 import has_done_day1
from events.selectors.sessions import sessions_for_registration
from feedback.models import Attendance, Certificate
from feedback.models.certificates import normalise_code


def attended_every_day(registration: Registration, rules, attended=None) -> bool:
    """Attended each of their days (both days of the course, or both T4T days); for the course, Day 1
    counts when done with another cohort or before (Day 1 once, 000:L2320–2324). `attended`: the ids
    of the sessions the person attended, when the caller has them already."""
    sessions = sessions_for_registration(registration)
    if not sessions:
        return False
    if attended is None:
        attended = set(
            Attendance.objects.attended(rules).filter(registration=registration).values_list("session_id", flat=True)
        )
    if any(session.pk not in attended for session in sessions):
        return False
    return registration.cohort.path == Cohort.Path.T4T or has_done_day1(registration.person)


def attended_days(registration: Registration, rules) -> list:
    """The person's days they attended, each with `hours`: from its start and end times, so the
    certificate says what was delivered rather than a fixed figure (issue #23 point 7)."""
    attended = set(
        Attendance.objects.attended(rules).filter(registration=registration).values_list("session_id", flat=True)
    )
    days = [session for session in sessions_for_registration(registration) if session.pk in attended]
    for day in days:
        start = datetime.datetime.combine(day.date, day.starts_at)
        day.hours = (datetime.datetime.combine(day.date, day.ends_at) - start).total_seconds() / 3600
    return days


def certificate_for_code(code: str) -> Certificate | None:
    """The certificate a typed code names, with what the public check shows; None when there is none."""
    code = normalise_code(code)
    if not code:
        return None
    return (
        Certificate.objects.select_related("registration__person", "registration__cohort__region")
        .filter(code=code)
        .first()
    )
