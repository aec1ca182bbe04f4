"""Moving a trainer along the pathway (DOMAIN.md §6): the one place `stage` and `standing` change.

`pathway_move` applies a transition of `trainers.pathway.TRANSITIONS` to a locked profile, writes a
`PathwayStep` and the audit entry `trainers.pathway.<verb>`. The other services here are the moves a
programme admin makes (accredit, Lead Trainer, suspend, reinstate, withdraw, mentor), the automatic
ones after a sign-off (`pathway_advance`), and recording a trainer who is already on the path.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from core.models import Region, User
from core.roles import Role
from core.services.roles import role_grant, role_revoke
from courses.models import PersonSpecificationCriterion
from events.models import Cohort
from trainers import messages
from trainers.models import Application, CriterionAssessment, DeliveryAssignment, PathwayStep, TrainerProfile
from trainers.models.choices import PATHWAY, Stage, Standing
from trainers.pathway import TRANSITIONS
from trainers.rules import PathwayRules, current_pathway_rules


def record_step(profile: TrainerProfile, *, action: str, actor: User | None, note: str = "", at=None) -> None:
    PathwayStep.objects.create(
        profile=profile,
        action=action,
        stage=profile.stage,
        standing=profile.standing,
        actor=actor,
        note=note,
        happened_at=at or timezone.now(),
    )
    log(
        instance=profile,
        action=f"trainers.pathway.{action}",
        user=actor,
        data={"stage": profile.stage, "standing": profile.standing, "note": note},
    )


@transaction.atomic
def pathway_move(*, profile: TrainerProfile, verb: str, actor: User | None, note: str = "") -> TrainerProfile:
    transition = TRANSITIONS[verb]
    profile = TrainerProfile.objects.select_for_update().select_related("person").get(pk=profile.pk)
    note = note.strip()
    if transition.needs_reason and not note:
        raise ValidationError("Give the reason: it is kept with the trainer's record.", code="reason_required")
    if not transition.changes_standing and not profile.is_active:
        raise ValidationError(
            f"{profile} is {profile.get_standing_display().lower()}: reinstate them first.", code="not_active"
        )
    current = profile.standing if transition.changes_standing else profile.stage
    if current not in transition.sources:
        state = profile.get_standing_display() if transition.changes_standing else profile.get_stage_display()
        raise ValidationError(
            f"{profile} is at “{state}”: they cannot be “{transition.label.lower()}” from there.", code="wrong_stage"
        )
    if transition.changes_standing:
        profile.standing, profile.standing_reason = transition.target, note
    else:
        profile.stage = transition.target
    profile.full_clean()
    profile.save()
    record_step(profile, action=verb, actor=actor, note=note)
    return profile


def _tell(profile: TrainerProfile, verb: str) -> None:
    """The trainer hears of every change; when they can no longer deliver, so do the facilitators
    of each cohort still to run that has them on its team."""
    step = profile.steps.order_by("-pk").first()
    if not profile.is_active:
        _tell_facilitators(profile, step, change=TRANSITIONS[verb].label)
    messages.send(
        messages.STANDING_CHANGED,
        recipient=profile.person,
        key=f"step-{step.pk}",
        profile=profile,
        change=TRANSITIONS[verb].label,
        reason=profile.standing_reason if TRANSITIONS[verb].changes_standing else "",
    )


def _tell_facilitators(profile: TrainerProfile, step: PathwayStep, *, change: str) -> None:
    """They stay on those teams, so that nothing about the delivery is lost, until a facilitator
    chooses someone else (`team_set` refuses them meanwhile)."""
    assignments = DeliveryAssignment.objects.filter(
        trainer=profile.person_id, cohort__in=Cohort.objects.still_to_run(timezone.localdate())
    ).select_related("cohort")
    for assignment in assignments:
        messages.tell_facilitators(
            messages.TEAM_MEMBER_UNAVAILABLE,
            cohort=assignment.cohort,
            key=f"step-{step.pk}-cohort-{assignment.cohort_id}",
            assignment=assignment,
            trainer=profile.person,
            change=change,
            reason=profile.standing_reason,
        )


@transaction.atomic
def trainer_accredit(*, profile: TrainerProfile, actor: User) -> TrainerProfile:
    """A programme admin accredits a trainee whose shadowing and co-training are signed off."""
    profile = pathway_move(profile=profile, verb="accredit", actor=actor)
    _tell(profile, "accredit")
    return profile


def lead_criteria_problems(profile: TrainerProfile) -> list[str]:
    """Why a trainer cannot yet be a Lead Trainer: a supporting statement and both Lead criteria met
    in their latest assessment (000:L1982–1992, L2029–2033)."""
    problems = []
    if not Application.objects.filter(profile=profile, for_lead=True).exclude(lead_statement="").exists():
        problems.append("There is no supporting statement for the Lead Trainer role.")
    lead_criteria = PersonSpecificationCriterion.objects.filter(
        applies_to=PersonSpecificationCriterion.AppliesTo.LEAD_TRAINERS
    )
    latest = {}
    for assessment in CriterionAssessment.objects.filter(profile=profile, criterion__in=lead_criteria):
        latest.setdefault(assessment.criterion_id, assessment.rating)
    unmet = [c for c in lead_criteria if latest.get(c.pk) != CriterionAssessment.Rating.MET]
    if unmet:
        problems.append("Not yet assessed as met: " + "; ".join(c.text for c in unmet) + ".")
    return problems


@transaction.atomic
def trainer_promote_lead(*, profile: TrainerProfile, actor: User) -> TrainerProfile:
    problems = lead_criteria_problems(profile)
    if problems:
        raise ValidationError(" ".join(problems), code="lead_criteria_not_met")
    profile = pathway_move(profile=profile, verb="promote_lead", actor=actor)
    _tell(profile, "promote_lead")
    return profile


@transaction.atomic
def trainer_suspend(*, profile: TrainerProfile, actor: User, reason: str) -> TrainerProfile:
    if not profile.has_reached(Stage.IN_POOL):
        raise ValidationError("Only trainers in the pool or further can be suspended.", code="not_in_pool")
    profile = pathway_move(profile=profile, verb="suspend", actor=actor, note=reason)
    _tell(profile, "suspend")
    return profile


@transaction.atomic
def trainer_reinstate(*, profile: TrainerProfile, actor: User, reason: str) -> TrainerProfile:
    profile = pathway_move(profile=profile, verb="reinstate", actor=actor, note=reason)
    _tell(profile, "reinstate")
    return profile


@transaction.atomic
def trainer_withdraw(*, profile: TrainerProfile, actor: User, reason: str) -> TrainerProfile:
    """Withdrawn trainers lose the Trainer role, and with it trainer material; their history stays."""
    profile = pathway_move(profile=profile, verb="withdraw", actor=actor, note=reason)
    role_revoke(user=profile.person, role=Role.TRAINER, actor=actor)
    _tell(profile, "withdraw")
    return profile


@transaction.atomic
def mentor_assign(*, profile: TrainerProfile, mentor: User, actor: User) -> TrainerProfile:
    """Mentoring runs alongside the pathway (000:L410–416, L3620–3626); a mentor is a Lead Trainer."""
    if mentor.pk == profile.person_id:
        raise ValidationError("Trainees cannot mentor themselves.", code="own_mentor")
    if not TrainerProfile.objects.lead_trainers().filter(person=mentor).exists():
        raise ValidationError(f"{mentor} is not an active Lead Trainer.", code="mentor_not_lead")
    profile.mentor = mentor
    profile.save(update_fields=["mentor"])
    log(instance=profile, action="trainers.mentor.assign", user=actor, data={"mentor": mentor.pk})
    return profile


def signed_off_counts(profile: TrainerProfile) -> dict[str, int]:
    signed = DeliveryAssignment.objects.filter(trainer=profile.person_id, signed_off_at__isnull=False)
    return {role: signed.filter(role=role).count() for role in DeliveryAssignment.NEEDS_SIGN_OFF}


def pathway_advance(
    *, profile: TrainerProfile, actor: User | None, rules: PathwayRules | None = None
) -> TrainerProfile:
    """Move on as far as the signed-off shadowings and co-trainings allow (N and M are settings)."""
    rules = rules or current_pathway_rules()
    counts = signed_off_counts(profile)
    steps = [
        (Stage.T4T_COMPLETED, "shadowed", counts[DeliveryAssignment.Role.SHADOW] >= rules.shadowings_required),
        (Stage.SHADOWED, "co_trained", counts[DeliveryAssignment.Role.CO_TRAINER] >= rules.co_trainings_required),
    ]
    for stage, verb, ready in steps:
        if profile.stage == stage and profile.is_active and ready:
            profile = pathway_move(profile=profile, verb=verb, actor=actor)
    return profile


@transaction.atomic
def trainer_record_existing(
    *,
    person: User,
    region: Region,
    stage: str,
    actor: User | None,
    reached_on: datetime.date | None = None,
    mentor: User | None = None,
    note: str = "",
    **details,
) -> TrainerProfile:
    """A trainer who is already on the path (an import, or demo data): their stage as it stands,
    one history row dated when they reached it, and the Trainer role from the pool onwards."""
    if TrainerProfile.objects.filter(person=person).exists():
        raise ValidationError(f"{person} already has a trainer record.", code="already_trainer")
    if stage not in PATHWAY:
        raise ValidationError(f"“{stage}” is not a step of the pathway.", code="unknown_stage")
    profile = TrainerProfile(
        person=person, region=region, stage=stage, standing=Standing.ACTIVE, mentor=mentor, **details
    )
    profile.full_clean()
    profile.save()
    at = timezone.make_aware(datetime.datetime.combine(reached_on, datetime.time(12))) if reached_on else None
    record_step(profile, action="import", actor=actor, note=note, at=at)
    if profile.has_reached(Stage.IN_POOL):
        role_grant(user=person, role=Role.TRAINER, actor=actor)
    return profile
