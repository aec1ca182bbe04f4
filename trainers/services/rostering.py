"""The rostering rules, in one place: who may be on a cohort's team, and in which role.

The pathway gates rostering (DOMAIN.md §6, product decision on 000:L3854–3863): only an accredited
trainer leads (a T4T only a Lead Trainer, 000:L1982–1992); a lead's first delivery needs an
experienced co-trainer, accredited and with lead deliveries of their own (000:L825, L3854–3863);
co-trainers have had their shadowing signed off, shadows have done T4T, and shadows do not count as
trainers; nobody is on two cohorts at the same time. `team_set` enforces them for the admin form
and any other path; `team_eligibility` shows a facilitator the same verdicts, with the reason.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from wagtail.log_actions import log

from core.models import User
from events.models import Cohort, Session
from events.services.locking import lock_cohort
from trainers import messages
from trainers.models import DeliveryAssignment, Stage, TrainerProfile
from trainers.rules import PathwayRules, current_pathway_rules

Role = DeliveryAssignment.Role


@dataclass(frozen=True)
class Verdict:
    code: str = ""
    reason: str = ""
    note: str = ""  # for an eligible trainer, what the facilitator should know

    @property
    def eligible(self) -> bool:
        return not self.code


@dataclass
class RosterFacts:
    """What the rules need to know about some trainers for one cohort, read in four queries."""

    cohort: Cohort
    rules: PathwayRules
    profiles: dict[int, TrainerProfile]  # person id -> profile
    lead_deliveries: dict[int, int]  # person id -> cohorts led that ran
    busy: dict[int, str] = field(default_factory=dict)  # person id -> the cohort at the same time

    def is_experienced(self, person_id: int) -> bool:
        profile = self.profiles.get(person_id)
        return (
            profile is not None
            and profile.is_active
            and profile.has_reached(Stage.ACCREDITED)
            and self.lead_deliveries.get(person_id, 0) >= self.rules.experienced_lead_deliveries
        )


def _clashes(cohort: Cohort, person_ids: set[int]) -> dict[int, str]:
    sessions = list(cohort.sessions.all())
    if not sessions or not person_ids:
        return {}
    others = (
        Session.objects.filter(
            date__in={session.date for session in sessions}, cohort__delivery_assignments__trainer__in=person_ids
        )
        .exclude(cohort=cohort)
        .exclude(cohort__status=Cohort.Status.CANCELLED)
        .values_list("cohort__delivery_assignments__trainer", "date", "starts_at", "ends_at", "cohort__title")
    )
    busy = {}
    for person_id, date, starts_at, ends_at, title in others:
        if any(s.date == date and s.starts_at < ends_at and starts_at < s.ends_at for s in sessions):
            busy[person_id] = title
    return busy


def load_facts(cohort: Cohort, person_ids, *, rules: PathwayRules, today: datetime.date) -> RosterFacts:
    ids = set(person_ids)
    led = (
        DeliveryAssignment.objects.filter(trainer__in=ids, role=Role.LEAD)
        .delivered(today)
        .values("trainer")
        .annotate(total=Count("pk"))
    )
    return RosterFacts(
        cohort=cohort,
        rules=rules,
        profiles={p.person_id: p for p in TrainerProfile.objects.filter(person__in=ids).select_related("person")},
        lead_deliveries={row["trainer"]: row["total"] for row in led},
        busy=_clashes(cohort, ids),
    )


def role_verdict(facts: RosterFacts, person_id: int, role: str) -> Verdict:
    """Whether one trainer may take `role` on the cohort, and if not why (the facilitator reads this)."""
    profile = facts.profiles.get(person_id)
    if profile is None:
        return Verdict("not_a_trainer", "has no trainer record")
    if not profile.is_active:
        return Verdict("not_active", f"is {profile.get_standing_display().lower()}")
    if role == Role.LEAD and facts.cohort.path == Cohort.Path.T4T and profile.stage != Stage.LEAD:
        return Verdict("lead_not_lead_trainer", "is not a Lead Trainer, who alone run Training for Trainers")
    if role == Role.LEAD and not profile.has_reached(Stage.ACCREDITED):
        return Verdict("lead_not_accredited", "is not an accredited trainer yet")
    if role == Role.CO_TRAINER and not profile.has_reached(Stage.SHADOWED):
        return Verdict("not_ready_to_co_train", "has no signed-off shadowing yet")
    if role == Role.SHADOW and not profile.has_reached(Stage.T4T_COMPLETED):
        return Verdict("not_ready_to_shadow", "has not completed Training for Trainers")
    if person_id in facts.busy:
        return Verdict("double_booked", f"is on “{facts.busy[person_id]}” at the same time")
    if role == Role.LEAD and not facts.lead_deliveries.get(person_id):
        return Verdict(note="first lead delivery: needs an experienced co-trainer")
    if role == Role.CO_TRAINER and facts.is_experienced(person_id):
        return Verdict(note="experienced co-trainer")
    if role == Role.CO_TRAINER and not profile.has_reached(Stage.ACCREDITED):
        return Verdict(note="co-training as part of their pathway")
    return Verdict()


def team_problems(facts: RosterFacts, members: list[tuple[User, str]]) -> list[ValidationError]:
    problems = [
        ValidationError(f"{person} cannot be {Role(role).label.lower()}: {verdict.reason}.", code=verdict.code)
        for person, role in members
        if not (verdict := role_verdict(facts, person.pk, role)).eligible
    ]
    leads = [person for person, role in members if role == Role.LEAD]
    experienced = [person for person, role in members if role == Role.CO_TRAINER and facts.is_experienced(person.pk)]
    for lead in leads:
        if not facts.lead_deliveries.get(lead.pk) and not experienced:
            problems.append(
                ValidationError(
                    f"This is {lead}'s first lead delivery: add an experienced co-trainer, an accredited trainer "
                    # 000:L3854–3863
                    "who has led a cohort before. Shadows do not count.",
                    code="experienced_co_trainer_required",
                )
            )
    return problems


def cohort_days_problems(cohort: Cohort) -> list[ValidationError]:
    """The rules against the cohort's team on its days as they are in memory: a change of days is
    checked before it is saved (`events.interfaces.register_change_check`, issue #21 point 2), so a
    day its lead already leads elsewhere is refused with the same reasons as the team form."""
    members = [
        (assignment.trainer, assignment.role) for assignment in cohort.delivery_assignments.select_related("trainer")
    ]
    if not members:
        return []
    facts = load_facts(
        cohort, [person.pk for person, _ in members], rules=current_pathway_rules(), today=timezone.localdate()
    )
    return team_problems(facts, members)


@dataclass
class EligibilityRow:
    profile: TrainerProfile
    verdicts: dict[str, Verdict]


def team_eligibility(cohort: Cohort, candidates, *, rules: PathwayRules, today: datetime.date) -> list[EligibilityRow]:
    """Each candidate trainer against each role, for the facilitator setting the team."""
    profiles = list(candidates)
    facts = load_facts(cohort, [p.person_id for p in profiles], rules=rules, today=today)
    return [
        EligibilityRow(profile, {role: role_verdict(facts, profile.person_id, role) for role in Role.values})
        for profile in profiles
    ]


# How a role reads in "… is already <held>. Choose someone else as <wanted>."
_HELD = {Role.LEAD: "the lead trainer", Role.CO_TRAINER: "a co-trainer", Role.SHADOW: "a shadow"}
_WANTED = {Role.CO_TRAINER: "co-trainer", Role.SHADOW: "a shadow"}


def duplicate_roles(*, lead: User | None, co_trainers, shadows) -> dict[str, list[ValidationError]]:
    """One person holds one role on a cohort (the `trainers_assignment_once_per_cohort` constraint
    says the same to the database). Each refusal names the person and is keyed by the argument, so
    the team form shows it by the box where they were chosen a second time. The form's `clean()`
    and `team_set` both ask here, so the rule and its words live in one place."""
    held: dict[int, str] = {} if lead is None else {lead.pk: Role.LEAD}
    errors: dict[str, list[ValidationError]] = {}
    for name, role, people in (("co_trainers", Role.CO_TRAINER, co_trainers), ("shadows", Role.SHADOW, shadows)):
        for person in people:
            if person.pk in held:
                errors.setdefault(name, []).append(
                    ValidationError(
                        f"{person} is already {_HELD[held[person.pk]]}. Choose someone else as {_WANTED[role]}.",
                        code="duplicate_member",
                    )
                )
            else:
                held[person.pk] = role
    return errors


@transaction.atomic
def team_set(
    *, cohort: Cohort, lead: User | None, co_trainers: list[User], shadows: list[User], actor: User | None
) -> list[DeliveryAssignment]:
    """Set the whole team at once, so the rules judge the team rather than one person at a time."""
    cohort = lock_cohort(cohort)
    if cohort.status in (Cohort.Status.DELIVERED, Cohort.Status.CANCELLED):
        raise ValidationError(f"The cohort is {cohort.get_status_display().lower()}.", code="cohort_closed")
    if lead is None:
        raise ValidationError("A cohort needs an accredited lead trainer.", code="lead_required")
    if duplicates := duplicate_roles(lead=lead, co_trainers=co_trainers, shadows=shadows):
        raise ValidationError(duplicates)
    members = [(lead, Role.LEAD)] + [(p, Role.CO_TRAINER) for p in co_trainers] + [(p, Role.SHADOW) for p in shadows]
    ids = [person.pk for person, _ in members]
    # Lock the trainers too: two cohorts rostering one trainer at once would miss each other's clash.
    list(TrainerProfile.objects.select_for_update().filter(person__in=ids).order_by("pk").values_list("pk"))
    facts = load_facts(cohort, ids, rules=current_pathway_rules(), today=timezone.localdate())
    problems = team_problems(facts, members)
    wanted = {person.pk: role for person, role in members}
    current = {a.trainer_id: a for a in cohort.delivery_assignments.select_related("trainer")}
    for person_id, assignment in current.items():
        if assignment.has_history and wanted.get(person_id) != assignment.role:
            problems.append(
                ValidationError(
                    f"{assignment.trainer} keeps their role: their reflection or sign-off belongs to it.",
                    code="assignment_has_history",
                )
            )
    if problems:
        raise ValidationError(problems)
    cohort.delivery_assignments.exclude(trainer__in=ids).delete()
    added = []
    for person, role in members:
        assignment = current.get(person.pk)
        if assignment is None:
            added.append(DeliveryAssignment.objects.create(cohort=cohort, trainer=person, role=role))
        elif assignment.role != role:
            assignment.role = role
            assignment.save(update_fields=["role"])
    log(
        instance=cohort,
        action="trainers.team.set",
        user=actor,
        data={
            "team": {str(pk): role for pk, role in wanted.items()},
            "before": {str(k): a.role for k, a in current.items()},
        },
    )
    for assignment in added:
        messages.send(
            messages.TEAM_ASSIGNED,
            recipient=assignment.trainer,
            key=f"assignment-{assignment.pk}",
            assignment=assignment,
            cohort=cohort,
        )
    return list(cohort.delivery_assignments.select_related("trainer").order_by("role"))
