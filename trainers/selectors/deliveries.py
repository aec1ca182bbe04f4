"""A trainer's deliveries, the checklists of a cohort's team and the sign-offs waiting for a Lead Trainer."""

import datetime
from dataclasses import dataclass

from django.db.models import OuterRef, QuerySet, Subquery

from core.models import User
from events.models import Cohort, Session
from trainers.models import DeliveryAssignment, DeliveryChecklist, TrainerProfile


def _missing(assignment: DeliveryAssignment, previous_end: datetime.date | None) -> list[str]:
    checklist = getattr(assignment, "checklist", None) or DeliveryChecklist(assignment=assignment)
    return checklist.missing_items(previous_delivery_end=previous_end)


@dataclass
class Delivery:
    assignment: DeliveryAssignment
    missing: list[str]  # checklist items still to do; empty once the delivery is over

    @property
    def cohort(self) -> Cohort:
        return self.assignment.cohort


def _session_day(order: str) -> Subquery:
    """A day of the assignment's cohort, as a subquery: "date" its first, "-date" its last."""
    return Subquery(Session.objects.filter(cohort=OuterRef("cohort")).order_by(order).values("date")[:1])


def my_deliveries(trainer: User, *, today: datetime.date) -> tuple[list[Delivery], list[Delivery]]:
    """(upcoming, past): every cohort the trainer is on, with their role and, for the upcoming ones,
    what is left on their checklist. One query whatever the history: each assignment carries its
    cohort's first and last day (`starts_on`, `ends_on`) instead of the cohort's sessions."""
    assignments = list(
        DeliveryAssignment.objects.filter(trainer=trainer)
        .exclude(cohort__status=Cohort.Status.CANCELLED)
        .select_related("cohort", "checklist", "signed_off_by")
        .annotate(starts_on=_session_day("date"), ends_on=_session_day("-date"))
    )
    dated = sorted((a for a in assignments if a.starts_on), key=lambda a: (a.starts_on, a.pk))
    upcoming, past = [], []
    for assignment in dated:
        if assignment.ends_on < today:
            past.append(Delivery(assignment, []))
            continue
        earlier = [a.ends_on for a in dated if a.ends_on < assignment.starts_on]
        upcoming.append(Delivery(assignment, _missing(assignment, max(earlier, default=None))))
    return upcoming, past[::-1]


def team_checklists(cohort: Cohort) -> list[Delivery]:
    """Everyone on the cohort's team with what is left on their checklist: the cohort shows whose
    is incomplete (issue #5 point 6). The team is `Cohort.team`, loaded once for the cohort's page
    with each trainer's previous delivery."""
    return [Delivery(assignment, _missing(assignment, assignment.previous_end)) for assignment in cohort.team]


def sign_off_queue(profile: TrainerProfile | None) -> QuerySet[DeliveryAssignment]:
    """Reflections the owner of `profile` may sign off: none unless they are an active Lead Trainer;
    never their own, nor their mentees' (DOMAIN.md §6)."""
    if profile is None or not profile.is_lead_trainer:
        return DeliveryAssignment.objects.none()
    return (
        DeliveryAssignment.objects.awaiting_sign_off()
        .exclude(trainer=profile.person_id)
        .exclude(trainer__trainer_profile__mentor=profile.person_id)
        .select_related("trainer", "cohort")
        .order_by("reflected_at")
    )
