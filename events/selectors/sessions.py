"""Which days a person attends: their cohort's sessions, less Day 1 when it is done or moved (Day 1 once)."""

import datetime

from events.models import Cohort, Registration, Session


def sessions_with_cohorts(registration: Registration) -> list[tuple[Session, Cohort]]:
    """Their cohort's days, without Day 1 if they had done it (000:L2320–2324) or attend it with
    another cohort, plus that cohort's Day 1, each with the cohort it belongs to. Uses prefetched
    sessions when the caller loaded them."""
    own = registration.cohort
    pairs = [
        (session, own)
        for session in own.ordered_sessions
        if not (session.is_day1 and (registration.skips_day1 or registration.day1_cohort_id))
    ]
    if registration.day1_cohort_id:
        guest_of = registration.day1_cohort
        pairs += [(session, guest_of) for session in guest_of.ordered_sessions if session.is_day1]
    return sorted(pairs, key=lambda pair: (pair[0].date, pair[0].starts_at))


def sessions_for_registration(registration: Registration) -> list[Session]:
    return [session for session, _ in sessions_with_cohorts(registration)]


def participant_can_cancel(registration: Registration, today: datetime.date) -> bool:
    """A participant cancels their own place only before their first day (issue #21 point 3); from
    then on only the facilitator records a withdrawal, so attendance, certificates and reflective
    practice are never lost by a click."""
    days = sessions_for_registration(registration)
    return registration.status != Registration.Status.CANCELLED and (not days or days[0].date > today)
