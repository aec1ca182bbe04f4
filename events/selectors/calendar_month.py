"""A month of cohort days for the facilitator's calendar in the admin (issue #21 point 6)."""

import calendar
import datetime
from dataclasses import dataclass, field

from events.models import Session


@dataclass
class CalendarDay:
    date: datetime.date
    in_month: bool
    sessions: list[Session] = field(default_factory=list)


def month_start(text: str | None, today: datetime.date) -> datetime.date | None:
    """The first day of the month named "2026-03"; today's month when nothing is asked; None when
    what is asked is not a month."""
    if not text:
        return today.replace(day=1)
    try:
        return datetime.datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        return None


def month_of_days(cohorts, first: datetime.date) -> list[list[CalendarDay]]:
    """The weeks of `first`'s month, Monday first, each day with the sessions of `cohorts` (a
    queryset the caller scoped to the person's regions) on it, in time order (one query)."""
    weeks = calendar.Calendar().monthdatescalendar(first.year, first.month)
    sessions = (
        Session.objects.filter(cohort__in=cohorts, date__range=(weeks[0][0], weeks[-1][-1]))
        .select_related("cohort", "course")
        .only("date", "starts_at", "ends_at", "cohort__title", "cohort__status", "course__title")
        .order_by("date", "starts_at", "pk")
    )
    by_date: dict[datetime.date, list[Session]] = {}
    for session in sessions:
        by_date.setdefault(session.date, []).append(session)
    return [[CalendarDay(day, day.month == first.month, by_date.get(day, [])) for day in week] for week in weeks]


def next_month(first: datetime.date) -> datetime.date:
    return (first + datetime.timedelta(days=32)).replace(day=1)


def previous_month(first: datetime.date) -> datetime.date:
    return (first - datetime.timedelta(days=1)).replace(day=1)
