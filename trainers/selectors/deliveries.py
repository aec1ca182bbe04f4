"""A trainer's deliveries, the checklists of a cohort's team, the teams with a trainer who can no longer
deliver, and the sign-offs waiting for a Lead Trainer."""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from core.models import User
from core.process_memory import ProcessMemory
from events.models import Cohort, Session
from events.models.cohorts import session_date
from trainers.models import DeliveryAssignment, DeliveryChecklist, Standing, TrainerProfile


def checklist_missing(assignment: DeliveryAssignment, previous_end: datetime.date | None) -> list[str]:
    """What is left on the trainer's checklist for this delivery (none kept yet: everything)."""
    checklist = getattr(assignment, "checklist", None) or DeliveryChecklist(assignment=assignment)
    return checklist.missing_items(previous_delivery_end=previous_end)


@dataclass
class Delivery:
    assignment: DeliveryAssignment
    missing: list[str]  # checklist items still to do; empty once the delivery is over

    @property
    def cohort(self) -> Cohort:
        return self.assignment.cohort


def my_deliveries(trainer: User, *, today: datetime.date) -> tuple[list[Delivery], list[Delivery]]:
    """(upcoming, past): every cohort the trainer is on, with their role and, for the upcoming ones,
    what is left on their checklist. One query whatever the history: each assignment carries its
    cohort's first and last day (`starts_on`, `ends_on`) instead of the cohort's sessions."""
    assignments = list(
        DeliveryAssignment.objects.filter(trainer=trainer)
        .exclude(cohort__status=Cohort.Status.CANCELLED)
        .select_related("cohort", "checklist", "signed_off_by")
        .annotate(starts_on=session_date("cohort"), ends_on=session_date("cohort", last=True))
    )
    dated = sorted((a for a in assignments if a.starts_on), key=lambda a: (a.starts_on, a.pk))
    upcoming, past = [], []
    for assignment in dated:
        if assignment.ends_on < today:
            past.append(Delivery(assignment, []))
            continue
        earlier = [a.ends_on for a in dated if a.ends_on < assignment.starts_on]
        upcoming.append(Delivery(assignment, checklist_missing(assignment, max(earlier, default=None))))
    return upcoming, past[::-1]


def team_checklists(cohort: Cohort) -> list[Delivery]:
    """Everyone on the cohort's team with what is left on their checklist: the cohort shows whose
    is incomplete (issue #5 point 6). The team is `Cohort.team`, loaded once for the cohort's page
    with each trainer's previous delivery."""
    return [Delivery(assignment, checklist_missing(assignment, assignment.previous_end)) for assignment in cohort.team]


_teams_to_change = ProcessMemory("TRAINERS_TEAMS_TO_CHANGE_SECONDS", most=4)
_teams_to_change.forget_on_change(DeliveryAssignment, TrainerProfile, Cohort, Session)


def unavailable_on_teams(region_ids: tuple[int, ...] | None, *, today: datetime.date) -> list[DeliveryAssignment]:
    """Trainers suspended or withdrawn who are still on the team of a cohort still to run in the
    regions (None: every region): a facilitator must choose someone else. By the cohort's first day.

    The few there are in the whole country are kept by each app process for
    `TRAINERS_TEAMS_TO_CHANGE_SECONDS`, so a dashboard costs no query for them: a suspension, a
    withdrawal or a team set in this process shows at once, one in another process within the
    timeout. Shared by every request: read them, never change them."""
    everywhere = _teams_to_change.get(today, lambda: _unavailable_everywhere(today))
    if region_ids is None:
        return list(everywhere)
    return [assignment for assignment in everywhere if assignment.cohort.region_id in region_ids]


def _unavailable_everywhere(today: datetime.date) -> tuple[DeliveryAssignment, ...]:
    """One query, which PostgreSQL starts from the few trainers not active rather than from every
    delivery there has been."""
    return tuple(
        DeliveryAssignment.objects.filter(
            trainer__trainer_profile__standing__in=[Standing.SUSPENDED, Standing.WITHDRAWN],
            cohort__in=Cohort.objects.still_to_run(today),
        )
        .select_related("cohort", "trainer__trainer_profile")
        .annotate(starts_on=session_date("cohort"))
        .order_by("starts_on", "cohort_id", "role")
    )


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
