"""The waiting list: freed places offered in order, by email, held for a limited time (issue #4 point 2).

A place freed by a cancellation, a declined or expired offer, a Day 1 move or more places is
offered to the first person waiting; they accept or decline through the link in the email, and an
offer not answered within `offer_hold_hours` passes to the next person (`offers_expire`, run by the
task worker when each offer falls due and by `manage.py expire_waiting_list_offers`).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.log_actions import log

from events.models import Cohort, PlaceOffer, Registration
from events.models.rules import CohortRules, current_rules
from events.services import messaging
from events.services.locking import lock_cohort, today


def fill_freed_places(cohort: Cohort, *, actor, rules: CohortRules) -> list[PlaceOffer]:
    """Offer every free place to the people waiting, in order. The caller holds the cohort's lock."""
    if not cohort.is_open_for_registration(today()):
        return []
    free = cohort.capacity - Registration.objects.holding_place_in(cohort).count()
    if free <= 0:
        return []
    now = timezone.now()
    offers = []
    for registration in Registration.objects.waiting_in_order(cohort).select_related("person")[:free]:
        registration.status = Registration.Status.OFFERED
        registration.save(update_fields=["status"])
        offer = PlaceOffer.objects.create(registration=registration, offered_at=now, expires_at=now + rules.offer_hold)
        log(
            instance=registration,
            action="events.offer.make",
            user=actor,
            data={"expires_at": offer.expires_at.isoformat()},
        )
        messaging.send_offer(offer)
        transaction.on_commit(lambda offer=offer: _expire_when_due(offer))
        offers.append(offer)
    return offers


def _expire_when_due(offer: PlaceOffer) -> None:
    """Ask the worker to pass the place on when the offer runs out (a backend that cannot defer
    tasks relies on `manage.py expire_waiting_list_offers` instead)."""
    if expire_waiting_list_offers.get_backend().supports_defer:
        expire_waiting_list_offers.using(run_after=offer.expires_at).enqueue()


@transaction.atomic
def waiting_list_refill(*, cohort: Cohort, actor) -> list[PlaceOffer]:
    """After places were added to a cohort: offer them to the people waiting."""
    return fill_freed_places(lock_cohort(cohort), actor=actor, rules=current_rules())


def _locked_offer(offer: PlaceOffer) -> tuple[PlaceOffer, Cohort]:
    cohort = lock_cohort(offer.registration.cohort)
    offer = PlaceOffer.objects.select_related("registration__person").get(pk=offer.pk)
    if not offer.is_pending:
        raise ValidationError("This offer has already been answered or has closed.", code="offer_closed")
    return offer, cohort


def _close(offer: PlaceOffer, outcome: PlaceOffer.Outcome, now: datetime.datetime) -> None:
    offer.outcome, offer.responded_at = outcome, now
    offer.save(update_fields=["outcome", "responded_at"])


@transaction.atomic
def offer_accept(*, offer: PlaceOffer, actor) -> Registration:
    offer, cohort = _locked_offer(offer)
    now = timezone.now()
    if offer.expires_at <= now:
        raise ValidationError("Sorry, the time to accept this place has passed.", code="offer_expired")
    _close(offer, PlaceOffer.Outcome.ACCEPTED, now)
    registration = offer.registration
    registration.status = Registration.Status.CONFIRMED
    registration.save(update_fields=["status"])
    log(instance=registration, action="events.offer.accept", user=actor)
    messaging.send_confirmed(registration, rules=current_rules(), today=today())
    return registration


@transaction.atomic
def offer_decline(*, offer: PlaceOffer, actor) -> Registration:
    offer, cohort = _locked_offer(offer)
    _close(offer, PlaceOffer.Outcome.DECLINED, timezone.now())
    registration = offer.registration
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_reason = "Declined the offered place"
    registration.save(update_fields=["status", "cancelled_reason"])
    log(instance=registration, action="events.offer.decline", user=actor)
    fill_freed_places(cohort, actor=actor, rules=current_rules())
    return registration


def offers_expire(*, now: datetime.datetime | None = None) -> int:
    """Close every offer past its time and pass each place on; one transaction per offer."""
    now = now or timezone.now()
    rules = current_rules()
    expired = 0
    due = PlaceOffer.objects.filter(outcome=PlaceOffer.Outcome.PENDING, expires_at__lte=now).select_related(
        "registration__cohort"
    )
    for offer in due:
        with transaction.atomic():
            try:
                offer, cohort = _locked_offer(offer)
            except ValidationError:
                continue  # answered while we were getting to it
            _close(offer, PlaceOffer.Outcome.EXPIRED, now)
            registration = offer.registration
            registration.status = Registration.Status.CANCELLED
            registration.cancelled_reason = "The offered place was not taken up in time"
            registration.save(update_fields=["status", "cancelled_reason"])
            log(instance=registration, action="events.offer.expire", user=None)
            messaging.send_offer_expired(offer)
            fill_freed_places(cohort, actor=None, rules=rules)
            expired += 1
    return expired


@task()
def expire_waiting_list_offers() -> int:
    """The offers' own task: each offer enqueues it to run when it falls due (`_expire_when_due`),
    and it may offer the freed places again, so the task lives with the service it runs."""
    return offers_expire()
