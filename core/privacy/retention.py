"""Retention: participants of cohorts delivered long ago are anonymised (DOMAIN.md §9, issue #7 point 4).

A participant is anonymised, through the same `person_erase` as an erasure request, once every cohort
they were ever on — registered with any status, coming to its Day 1 as a guest, or recorded as having
done Day 1 there — ended more than `PARTICIPANT_RETENTION_YEARS` ago. One cohort within the period
(or still to come) keeps them. Programme staff and trainers are never anonymised this way: their
delivery history is other people's record too. `manage.py anonymise_expired_participants` runs it.

Candidates are found in one query over the whole table, never by loading people one by one; each
person is then checked again and erased in a transaction of their own.
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from core.models import User
from core.privacy.services import ERASED_EMAIL_DOMAIN, person_erase
from core.roles import Role

#: The reason recorded in each audit entry (`core.person.erase`) written by the retention command.
RETENTION_REASON = "retention"

#: Roles whose holders are kept whatever their cohorts' dates: staff run the programme, trainers deliver it.
STAFF_ROLES = (Role.PROGRAMME_ADMIN, Role.REGIONAL_FACILITATOR, Role.TRAINER)


def retention_cutoff(*, today: datetime.date, years: int) -> datetime.date:
    """The earliest cohort end date still kept: `years` before `today` (28 February for a 29th)."""
    if years < 1:
        raise ValueError("The retention period is at least one year.")
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def _model(label: str):
    """Other apps' tables by name: core never imports the apps that build on it (CONVENTIONS.md)."""
    return apps.get_model(label)._default_manager


def expired_participants(*, cutoff: datetime.date) -> QuerySet:
    """People on at least one cohort, none of which ended on or after `cutoff`.

    A cohort ends on its last session; a cohort without sessions (a draft never scheduled) counts from
    the day it was created. Correlated EXISTS against the set of recent cohorts: the database anti-joins
    over the whole table (docs/privacy.md has the timings at national scale).
    """
    since = timezone.make_aware(datetime.datetime.combine(cutoff, datetime.time.min))
    recent_cohorts = (
        _model("events.Cohort")
        .filter(Q(sessions__date__gte=cutoff) | Q(sessions__isnull=True, created_at__gte=since))
        .values("pk")
    )
    registrations = _model("events.Registration").filter(person=OuterRef("pk"))
    day1 = _model("events.Day1Completion").filter(person=OuterRef("pk"))
    return (
        User.objects.filter(Exists(registrations) | Exists(day1))
        .exclude(Exists(registrations.filter(Q(cohort__in=recent_cohorts) | Q(day1_cohort__in=recent_cohorts))))
        .exclude(Exists(day1.filter(Q(completed_on__gte=cutoff) | Q(cohort__in=recent_cohorts))))
    )


def is_erased() -> Q:
    return Q(email__endswith=f"@{ERASED_EMAIL_DOMAIN}")


def retention_candidates(*, cutoff: datetime.date) -> QuerySet:
    """Expired participants still to anonymise: not erased already, not staff, not trainers."""
    person = OuterRef("pk")
    return (
        expired_participants(cutoff=cutoff)
        .exclude(is_erased())
        .exclude(Q(is_staff=True) | Q(is_superuser=True))
        .exclude(Exists(User.groups.through.objects.filter(user=person, group__name__in=STAFF_ROLES)))
        .exclude(Exists(_model("trainers.TrainerProfile").filter(person=person)))
        .exclude(Exists(_model("trainers.DeliveryAssignment").filter(trainer=person)))
    )


@dataclass(frozen=True)
class RetentionCounts:
    expired: int
    already_anonymised: int
    staff_or_trainers: int
    to_anonymise: int


def retention_counts(*, cutoff: datetime.date) -> RetentionCounts:
    expired = expired_participants(cutoff=cutoff)
    total, erased = expired.count(), expired.filter(is_erased()).count()
    candidates = retention_candidates(cutoff=cutoff).count()
    return RetentionCounts(total, erased, total - erased - candidates, candidates)


def participant_anonymise_expired(*, person_id: int, cutoff: datetime.date) -> bool:
    """Anonymise one candidate in a transaction of their own; False when they no longer qualify
    (anonymised meanwhile by another run, or registered on a new cohort since the candidates were found)."""
    with transaction.atomic():
        person = User.objects.select_for_update().filter(pk=person_id).first()
        if person is None or not retention_candidates(cutoff=cutoff).filter(pk=person_id).exists():
            return False
        person_erase(person=person, actor=None, reason=RETENTION_REASON)
        return True
