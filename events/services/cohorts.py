"""A cohort's life: draft → recruiting → confirmed → delivered, or cancelled with a reason.

Only these services change a cohort's status (CONVENTIONS.md "status fields are never edited
through generic forms"); each locks the row, checks the rule, saves after `full_clean()` and
writes an `events.cohort.<verb>` audit entry. "At risk" is derived (`Cohort.is_at_risk`).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from core.models import User
from events.models import Cohort, PlaceOffer, Registration, Session
from events.models.cohorts import session_path_problems
from events.models.rules import current_rules
from events.selectors.mix import cohort_mix
from events.services import messaging
from events.services.locking import lock_cohort, today


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
    return _save_status(cohort, Cohort.Status.DELIVERED, actor=actor, action="events.cohort.deliver")


@transaction.atomic
def cohort_cancel(*, cohort: Cohort, actor: User | None, reason: str) -> Cohort:
    """Cancel with a reason; everyone registered or waiting is told, and open offers are withdrawn."""
    cohort = lock_cohort(cohort)
    _require_status(cohort, Cohort.Status.DRAFT, Cohort.Status.RECRUITING, Cohort.Status.CONFIRMED, doing="cancelled")
    reason = reason.strip()
    if not reason:
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
    cohort.cancelled_reason = reason
    _save_status(cohort, Cohort.Status.CANCELLED, actor=actor, action="events.cohort.cancel", data={"reason": reason})
    for registration in affected:
        messaging.send_cancelled(registration, reason=reason)
    return cohort
