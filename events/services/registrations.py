"""Registering, cancelling and moving Day 1: every change to who holds a cohort's places.

Capacity is never exceeded: each service locks the cohort row, counts places inside the lock and
commits, so people registering at the same moment queue on the lock (issue #4 point 2). Past
capacity people join the waiting list; freed places go to them in order (`waiting_list`).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from core.models import User
from core.roles import Role
from core.services.roles import role_grant
from events.models import Cohort, PlaceOffer, Registration
from events.models.rules import current_rules
from events.selectors.day1 import has_done_day1
from events.selectors.sessions import participant_can_cancel
from events.services import messaging
from events.services.locking import lock_cohort, lock_cohorts, today
from events.services.waiting_list import fill_freed_places


def _has_place(cohort: Cohort) -> bool:
    return Registration.objects.holding_place_in(cohort).count() < cohort.capacity


@transaction.atomic
def registration_create(
    *,
    cohort: Cohort,
    person: User,
    answers: dict,
    actor: User | None,
    waiting_list: bool = True,
    registered_at: datetime.datetime | None = None,
    notify: bool = True,
) -> Registration:
    """A place if one is free, else the waiting list (or `cohort_full` when `waiting_list` is off,
    as for imports). A Day-2-only cohort needs Day 1 done; on a full cohort someone who has done
    Day 1 is not asked to come to it again (000:L2320–2324). Training for Trainers takes no
    registrations: candidates book it from their pathway (`trainers.services.t4t.t4t_book`), where
    the pre-reading gate is checked (000:L404–406).

    `notify=False` is for an import's preview, which rolls everything back: every check runs and the
    registration is saved, but no message is rendered or recorded."""
    cohort = lock_cohort(cohort)
    if not cohort.is_open_for_registration(today()):
        raise ValidationError("This cohort is not open for registration.", code="not_open")
    if cohort.path == Cohort.Path.T4T:
        raise ValidationError(
            "Training for Trainers is booked by trainers from their pathway page, not registered for.",
            code="t4t_not_registered",
        )
    if Registration.objects.filter(cohort=cohort, person=person, status__in=Registration.ACTIVE_STATUSES).exists():
        raise ValidationError("You are already registered on this cohort.", code="already_registered")
    done_day1 = has_done_day1(person)
    if cohort.path == Cohort.Path.DAY2_ONLY and not done_day1:
        raise ValidationError(
            "This cohort is Day 2 only. It is for people who have already done Day 1.", code="day1_required"
        )
    has_place = _has_place(cohort)
    if not has_place and not waiting_list:
        raise ValidationError("This cohort has no places left.", code="cohort_full")
    registration = Registration(
        cohort=cohort,
        person=person,
        status=Registration.Status.CONFIRMED if has_place else Registration.Status.WAITING,
        registered_at=registered_at or timezone.now(),
        skips_day1=done_day1 and cohort.path == Cohort.Path.FULL,
        **{name: answers[name] for name in Registration.ANSWER_FIELDS if name in answers},
    )
    # The cohort is the locked row and the person a saved account; once per cohort is checked above.
    registration.full_clean(exclude=["cohort", "person"])
    registration.save()
    if not person.has_role(Role.PARTICIPANT):
        role_grant(user=person, role=Role.PARTICIPANT, actor=actor)
    log(
        instance=registration,
        action="events.registration.create",
        user=actor,
        data={"cohort": cohort.pk, "status": registration.status},
    )
    if notify and has_place:
        messaging.send_confirmed(registration, rules=current_rules(), today=today())
    elif notify:
        messaging.send_waiting(registration, position=waiting_position(registration))
    return registration


def waiting_position(registration: Registration) -> int:
    """1 for the first person waiting."""
    ahead = Registration.objects.waiting_in_order(registration.cohort).filter(
        registered_at__lte=registration.registered_at
    )
    return ahead.exclude(registered_at=registration.registered_at, pk__gt=registration.pk).count()


def _cancel(
    registration: Registration, locked: list[Cohort], *, actor: User | None, reason: str, action: str
) -> Registration:
    """Cancel a registration the caller has locked and checked; a place it held goes to the next
    person waiting, and the person is told, with a calendar file that takes their days out."""
    held_place = registration.status in Registration.HOLDING_STATUSES
    registration.offers.filter(outcome=PlaceOffer.Outcome.PENDING).update(
        outcome=PlaceOffer.Outcome.WITHDRAWN, responded_at=timezone.now()
    )
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_reason = reason.strip() or "Cancelled"
    registration.save(update_fields=["status", "cancelled_reason"])
    log(instance=registration, action=action, user=actor, data={"reason": registration.cancelled_reason})
    if held_place:
        rules = current_rules()
        for cohort in locked:
            fill_freed_places(cohort, actor=actor, rules=rules)
    messaging.send_place_cancelled(registration, reason=reason.strip())
    return registration


def _locked(registration: Registration) -> tuple[Registration, list[Cohort]]:
    """The registration read again inside its cohorts' locks (its own, and the one whose Day 1 it joins)."""
    locked = lock_cohorts(registration.cohort, *([registration.day1_cohort] if registration.day1_cohort_id else []))
    registration = Registration.objects.select_related("person").get(pk=registration.pk)
    registration.cohort = locked[0]  # with its venue and days, for the checks and the message
    if registration.day1_cohort_id:
        registration.day1_cohort = locked[1]
    if registration.status == Registration.Status.CANCELLED:
        raise ValidationError("This registration is already cancelled.", code="already_cancelled")
    return registration, locked


@transaction.atomic
def registration_cancel(*, registration: Registration, actor: User | None, reason: str) -> Registration:
    """The facilitator withdraws someone, at any time until the cohort is delivered; never after,
    so their attendance, certificate and reflective practice are kept (issue #21 point 3)."""
    registration, locked = _locked(registration)
    if registration.cohort.status == Cohort.Status.DELIVERED:
        raise ValidationError(
            "The course has been delivered: a place on it cannot be withdrawn. Their attendance and "
            "certificate are kept.",
            code="cohort_delivered",
        )
    return _cancel(registration, locked, actor=actor, reason=reason, action="events.registration.cancel")


@transaction.atomic
def registration_cancel_own(*, registration: Registration, actor: User) -> Registration:
    """A participant cancels their own place, only before their first day (`participant_can_cancel`);
    from then on they ask their facilitator, who records a withdrawal."""
    registration, locked = _locked(registration)
    if registration.person_id != actor.pk:
        raise ValidationError("This is not your place to cancel.", code="not_yours")
    if not participant_can_cancel(registration, today()):
        raise ValidationError(
            "Your course has started, so you cannot cancel your place here. Please contact your Regional Facilitator.",
            code="course_started",
        )
    return _cancel(
        registration, locked, actor=actor, reason="Cancelled by the participant", action="events.registration.cancel"
    )


@transaction.atomic
def registration_move_day1(*, registration: Registration, to_cohort: Cohort, actor: User | None) -> Registration:
    """Someone who missed Day 1 does it with another cohort without losing their registration (issue #4 point 3).

    When that Day 1 comes before their own Day 2 they stay on their cohort and only Day 1 moves;
    when it comes later, Day 2 must follow Day 1, so the whole registration moves to that cohort,
    answers and preparation included, and its place here goes to the next person waiting.
    """
    previous = [registration.day1_cohort] if registration.day1_cohort_id else []
    own, target, *previous = lock_cohorts(registration.cohort, to_cohort, *previous)
    registration.refresh_from_db()
    if registration.status != Registration.Status.CONFIRMED:
        raise ValidationError("Only a confirmed place can be moved.", code="not_confirmed")
    if own.path != Cohort.Path.FULL or registration.skips_day1:
        raise ValidationError("This registration does not include Day 1.", code="no_day1")
    if has_done_day1(registration.person):
        raise ValidationError("This person has already done Day 1.", code="day1_already_done")
    if target.pk in {own.pk, registration.day1_cohort_id} or target.path != Cohort.Path.FULL:
        raise ValidationError("Choose another cohort that runs Day 1.", code="not_a_day1_cohort")
    target_day1 = next((session for session in target.ordered_sessions if session.is_day1), None)
    if not target.is_open or target_day1 is None or target_day1.date <= today():
        raise ValidationError("That cohort's Day 1 is not open to join.", code="day1_not_open")
    if not _has_place(target):
        raise ValidationError("That cohort has no places left.", code="cohort_full")
    own_day2 = next(session for session in own.ordered_sessions if not session.is_day1)
    rules = current_rules()
    if target_day1.date < own_day2.date:
        registration.day1_cohort = target
        registration.save(update_fields=["day1_cohort"])
        moved = "day1"
    else:
        if Registration.objects.filter(
            cohort=target, person=registration.person, status__in=Registration.ACTIVE_STATUSES
        ).exists():
            raise ValidationError("This person is already registered on that cohort.", code="already_registered")
        registration.cohort, registration.day1_cohort = target, None
        registration.save(update_fields=["cohort", "day1_cohort"])
        fill_freed_places(own, actor=actor, rules=rules)
        moved = "registration"
    for cohort in previous:
        fill_freed_places(cohort, actor=actor, rules=rules)
    log(
        instance=registration,
        action="events.registration.move_day1",
        user=actor,
        data={"from": own.pk, "to": target.pk, "moved": moved},
    )
    messaging.send_day1_moved(registration)
    messaging.send_due(registration, rules=rules, today=today())
    return registration
