"""A cohort's life: draft → recruiting → confirmed → delivered, or cancelled with a reason, and
every other change to it (days, times, venue, places) through `cohort_update`.

Only these services change a cohort's status (CONVENTIONS.md "status fields are never edited
through generic forms"); each locks the row, checks the rule, saves after `full_clean()` and
writes an `events.cohort.<verb>` audit entry. "At risk" is derived (`events.selectors.at_risk`).
Rules that belong to apps to the right of events (the team's rostering, the registers) are asked
through `events.interfaces`.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.log_actions import log

from core.dates import clock
from core.models import User
from events.interfaces import change_problems, delivery_problems
from events.models import Cohort, PlaceOffer, Registration, Session
from events.models.choices import CancellationReason
from events.models.cohorts import session_path_problems
from events.models.rules import current_rules
from events.selectors.mix import cohort_mix
from events.services import messaging
from events.services.locking import lock_cohort, today
from events.services.waiting_list import fill_freed_places


def _require_status(cohort: Cohort, *allowed: str, doing: str) -> None:
    if cohort.status not in allowed:
        raise ValidationError(
            f"A cohort that is {cohort.get_status_display().lower()} cannot be {doing}.", code="wrong_status"
        )


def _save_status(cohort: Cohort, status: str, *, actor: User | None, action: str, data: dict | None = None) -> Cohort:
    cohort.status = status
    cohort.full_clean()
    cohort.save()
    log(instance=cohort, action=action, user=actor, data=data or {})
    return cohort


@transaction.atomic
def cohort_open(*, cohort: Cohort, actor: User | None) -> Cohort:
    """Open for registration once it has a venue and a future session for each day of its path."""
    cohort = lock_cohort(cohort)
    _require_status(cohort, Cohort.Status.DRAFT, doing="opened for registration")
    sessions = list(cohort.sessions.select_related("course"))
    problems = session_path_problems(cohort.path, [session.course for session in sessions])
    if problems:
        raise ValidationError(" ".join(problems), code="sessions_do_not_match_path")
    if any(session.date <= today() for session in sessions):
        raise ValidationError("Every session must be in the future.", code="session_in_past")
    if cohort.venue_id is None:
        raise ValidationError("Choose a venue before opening registration.", code="no_venue")
    return _save_status(cohort, Cohort.Status.RECRUITING, actor=actor, action="events.cohort.open")


@transaction.atomic
def cohort_confirm(*, cohort: Cohort, actor: User | None, override_reason: str = "") -> Cohort:
    """Confirm the cohort will run, fixing the course revision each day is delivered from.

    A cohort that fails the mix rule (DOMAIN.md §4) can still be confirmed, but only with a
    recorded reason, kept on the cohort and in the audit entry with the warnings it overrode.
    """
    cohort = lock_cohort(cohort)
    _require_status(cohort, Cohort.Status.RECRUITING, doing="confirmed")
    mix = cohort_mix(cohort, current_rules())
    override_reason = override_reason.strip()
    if not mix.meets_rule and not override_reason:
        raise ValidationError(
            "The cohort does not meet the mix rule: "
            + "; ".join(mix.warnings)
            + ". Give a reason to confirm it anyway.",
            code="mix_rule_not_met",
        )
    sessions = list(cohort.sessions.select_related("course"))
    for session in sessions:
        session.course_revision_id = session.course.live_revision_id
    Session.objects.bulk_update(sessions, ["course_revision"])
    cohort.mix_override_reason = "" if mix.meets_rule else override_reason
    return _save_status(
        cohort,
        Cohort.Status.CONFIRMED,
        actor=actor,
        action="events.cohort.confirm",
        data={"mix_met": mix.meets_rule, "warnings": mix.warnings, "override_reason": cohort.mix_override_reason},
    )


@transaction.atomic
def cohort_mark_delivered(*, cohort: Cohort, actor: User | None) -> Cohort:
    cohort = lock_cohort(cohort)
    _require_status(cohort, Cohort.Status.CONFIRMED, doing="marked delivered")
    if cohort.end_date is None or cohort.end_date > today():
        raise ValidationError("The cohort's last day has not happened yet.", code="not_finished")
    problems = delivery_problems(cohort)
    if problems:
        raise ValidationError(problems)
    return _save_status(cohort, Cohort.Status.DELIVERED, actor=actor, action="events.cohort.deliver")


@transaction.atomic
def cohort_cancel(
    *, cohort: Cohort, actor: User | None, reason_code: str = CancellationReason.OTHER, reason: str = ""
) -> Cohort:
    """Cancel for a reason from the list (`CancellationReason`, counted on the fidelity dashboard),
    with words of the facilitator's own for "Other". Everyone registered or waiting and the team are
    told, with a calendar file that takes the days out; open offers are withdrawn."""
    cohort = lock_cohort(cohort)
    _require_status(cohort, Cohort.Status.DRAFT, Cohort.Status.RECRUITING, Cohort.Status.CONFIRMED, doing="cancelled")
    if reason_code not in CancellationReason.values:
        raise ValidationError("Choose why the cohort is cancelled from the list.", code="unknown_reason")
    reason = reason.strip()
    if reason_code == CancellationReason.OTHER and not reason:
        raise ValidationError("Say why the cohort is cancelled.", code="reason_required")
    PlaceOffer.objects.filter(registration__cohort=cohort, outcome=PlaceOffer.Outcome.PENDING).update(
        outcome=PlaceOffer.Outcome.WITHDRAWN, responded_at=timezone.now()
    )
    affected = list(
        Registration.objects.filter(cohort=cohort, status__in=Registration.ACTIVE_STATUSES).select_related("person")
    )
    for registration in affected:
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_reason = "The cohort was cancelled"
    Registration.objects.bulk_update(affected, ["status", "cancelled_reason"])
    cohort.cancellation_reason, cohort.cancelled_reason = reason_code, reason
    cohort.calendar_sequence += 1
    _save_status(
        cohort,
        Cohort.Status.CANCELLED,
        actor=actor,
        action="events.cohort.cancel",
        data={"reason_code": reason_code, "reason": reason},
    )
    told = reason if reason_code == CancellationReason.OTHER else CancellationReason(reason_code).label
    if reason and reason_code != CancellationReason.OTHER:
        told = f"{told}. {reason}"
    messaging.send_cancelled(cohort, affected, reason=told)
    return cohort


def _days(cohort: Cohort) -> dict:
    """Each day as (course, date, start, end), by primary key ("new-<n>" for a day not saved yet)."""
    return {
        session.pk or f"new-{index}": (session.course_id, session.date, session.starts_at, session.ends_at)
        for index, session in enumerate(cohort.sessions.all())
    }


def _describe_days(cohort: Cohort, before: dict) -> list[str]:
    """The new or moved days in words, for the people told (a parent carer reads this, DOMAIN.md §10)."""
    moved = [session for session in cohort.ordered_sessions if before.get(session.pk) != _days_key(session)]
    said = [
        f"{session.course.title} is now on {date_format(session.date, 'l j F Y')}, "
        f"{clock(session.starts_at)} to {clock(session.ends_at)}"
        for session in moved
    ]
    if len(before) > len(cohort.sessions.all()):
        said.append("A day has been taken off the course.")
    return said


def _days_key(session: Session) -> tuple:
    return (session.course_id, session.date, session.starts_at, session.ends_at)


@dataclass(frozen=True)
class CohortUpdated:
    """What `cohort_update` did: the saved cohort and how many people with a place were emailed
    about its new days, times or venue (0 when nothing needed telling; the team is told as well)."""

    cohort: Cohort
    people_told: int = 0


@transaction.atomic
def cohort_update(*, cohort: Cohort, actor: User | None) -> CohortUpdated:
    """Save an edited cohort: its fields and its days as the editor left them in memory (a cluster
    form's `save(commit=False)`), after the rules its new state must meet (issue #21 point 2).

    Days, times and the venue of a cohort people are on are the changes they are told of, once, by
    email with the days as a calendar file that updates theirs (the cohort's `calendar_sequence`
    goes up). A change of days re-runs the rules other apps registered (`events.interfaces`): the
    team's rostering rules refuse a day its lead already leads elsewhere. A refusal raises
    `ValidationError` with the reason and writes nothing. More places go to the people waiting.
    The result says how many people with a place were told, for the editor to say so.
    """
    saved = lock_cohort(cohort)
    before = _days(saved)
    days_changed = _days(cohort) != before
    venue_changed = cohort.venue_id != saved.venue_id
    if (days_changed or venue_changed) and saved.status in (Cohort.Status.DELIVERED, Cohort.Status.CANCELLED):
        raise ValidationError(
            f"The cohort is {saved.get_status_display().lower()}: its days and venue stay as they were.",
            code="cohort_closed",
        )
    if days_changed and saved.status in Cohort.OPEN_STATUSES:
        moved = [session for session in cohort.sessions.all() if before.get(session.pk) != _days_key(session)]
        if any(session.date <= today() for session in moved):
            raise ValidationError("Move a day to a date in the future.", code="session_in_past")
        problems = session_path_problems(cohort.path, [session.course for session in cohort.sessions.all()])
        if problems:
            raise ValidationError(" ".join(problems), code="sessions_do_not_match_path")
    if days_changed:
        problems = change_problems(cohort)
        if problems:
            raise ValidationError(problems)
    if venue_changed and saved.status in Cohort.OPEN_STATUSES and cohort.venue_id is None:
        raise ValidationError("A cohort open for registration needs a venue.", code="no_venue")
    cohort.status = saved.status
    tell = (days_changed or venue_changed) and saved.status in Cohort.OPEN_STATUSES
    cohort.calendar_sequence = saved.calendar_sequence + (1 if tell else 0)
    cohort.full_clean()
    cohort.save()
    changes = _describe_days(cohort, before) if days_changed else []
    if venue_changed and cohort.venue_id:
        changes.append(f"The course is now at {cohort.venue.name}, {cohort.venue.one_line_address}.")
    log(
        instance=cohort,
        action="events.cohort.change",
        user=actor,
        data={"changes": changes, "venue_before": saved.venue_id, "calendar_sequence": cohort.calendar_sequence},
    )
    if cohort.capacity > saved.capacity:
        fill_freed_places(lock_cohort(cohort), actor=actor, rules=current_rules())
    if not tell:
        return CohortUpdated(cohort=cohort)
    return CohortUpdated(cohort=cohort, people_told=messaging.send_changed(cohort, changes=changes))
