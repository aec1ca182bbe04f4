"""Calendar files (iCalendar) for a cohort, a participant and a trainer's private feed (issue #4 point 7).

Session times are stored as local wall-clock times; each event carries the Europe/London zone
with its VTIMEZONE, so a 10:00 session is 10:00 in London on both sides of the clock change.
"""

import datetime
from email.utils import parseaddr
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone

from events.models import Cohort, Session
from events.selectors.sessions import sessions_with_cohorts

PRODUCT_ID = "-//Early Support Key Working training//Cohorts//EN"


def _local(date: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(date, time, tzinfo=ZoneInfo(settings.TIME_ZONE))


def session_times(session: Session) -> tuple[datetime.datetime, datetime.datetime]:
    return _local(session.date, session.starts_at), _local(session.date, session.ends_at)


def _event(session: Session, cohort: Cohort) -> icalendar.Event:
    event = icalendar.Event()
    starts, ends = session_times(session)
    event.add("uid", f"eskw-session-{session.pk}")
    event.add("sequence", cohort.calendar_sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", starts)
    event.add("dtend", ends)
    event.add("summary", f"{session.course.title} ({cohort.title})")
    if cohort.venue_id:
        event.add("location", f"{cohort.venue.name}, {cohort.venue.one_line_address}")
    event.add("description", "Early Support key working training. Parent carers are welcome.")
    if cohort.status == Cohort.Status.CANCELLED:
        event.add("status", "CANCELLED")
    return event


def build_calendar(name: str, sessions: list[tuple[Session, Cohort]], *, method: str = "") -> str:
    """The days as one calendar. An emailed change carries `method` (RFC 5546): REQUEST for new
    dates, CANCEL for a cancelled cohort, with the same UIDs and the cohort's higher SEQUENCE, so the
    calendar app updates the events it has instead of adding new ones (issue #21 point 2)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    if method:
        calendar.add("method", method)
    for session, cohort in sorted(sessions, key=lambda pair: (pair[0].date, pair[0].starts_at)):
        event = _event(session, cohort)
        if method:
            event.add("organizer", f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()


def cohort_calendar(cohort: Cohort, *, method: str = "") -> str:
    return build_calendar(cohort.title, [(session, cohort) for session in cohort.ordered_sessions], method=method)


def person_calendar(title: str, registrations, *, method: str = "") -> str:
    """All the days a participant attends, across their registrations (Day 1 moves included)."""
    return build_calendar(
        title, [pair for registration in registrations for pair in sessions_with_cohorts(registration)], method=method
    )
