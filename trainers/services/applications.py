"""Applying to become a trainer, and the programme's decision (issue #5 points 1–2).

CVs were assessed against the person specification, "the first condition to be accepted in the pool
of potential trainers" (000:L1940–1944); Lead Trainer candidates add a supporting statement
(000:L2029–2033). Outcomes: accepted into the pool, accepted with development needs such as initial
shadowing (000:L2018–2026), or declined with reasons.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from core.models import Region, User
from core.roles import Role
from core.services.roles import role_grant
from courses.models import PersonSpecificationCriterion
from trainers import messages
from trainers.models import Application, CriterionAssessment, CriterionStatement, Stage, TrainerProfile
from trainers.services.pathway import pathway_move, record_step

Criterion = PersonSpecificationCriterion


def applicable_criteria(*, for_lead: bool, lead_only: bool = False) -> list[Criterion]:
    """Every criterion for a new candidate, plus the Lead ones for Lead applicants (000:L1948–1992);
    only the Lead ones when an accredited trainer applies to lead."""
    criteria = Criterion.objects.all()
    if lead_only:
        return list(criteria.filter(applies_to=Criterion.AppliesTo.LEAD_TRAINERS))
    if not for_lead:
        criteria = criteria.filter(applies_to=Criterion.AppliesTo.ALL_TRAINERS)
    return list(criteria)


def _profile_for(person: User, *, region: Region, for_lead: bool, actor: User, details: dict) -> tuple:
    """(profile, lead_only): a new applicant, a declined one applying again, or a trainer applying to lead."""
    profile = TrainerProfile.objects.select_for_update().filter(person=person).first()
    if profile is None:
        profile = TrainerProfile(person=person, region=region, **details)
        profile.full_clean()
        profile.save()
        record_step(profile, action="apply", actor=actor)
        return profile, False
    if Application.objects.filter(profile=profile, status=Application.Status.SUBMITTED).exists():
        raise ValidationError("Your application is being assessed already.", code="application_open")
    if profile.stage == Stage.DECLINED:
        for name, value in {"region": region, **details}.items():
            setattr(profile, name, value)
        profile.save()
        return pathway_move(profile=profile, verb="apply", actor=actor), False
    if for_lead and profile.stage == Stage.ACCREDITED and profile.is_active:
        return profile, True
    raise ValidationError("You are on the trainer pathway already.", code="already_on_pathway")


@transaction.atomic
def application_submit(
    *,
    person: User,
    region: Region,
    cv,
    statements: dict[int, str],
    for_lead: bool = False,
    lead_statement: str = "",
    **details,
) -> Application:
    """`statements` maps each applicable criterion's id to the applicant's words; `details` are the
    profile's `background` and `training_experience`."""
    profile, lead_only = _profile_for(person, region=region, for_lead=for_lead, actor=person, details=details)
    criteria = applicable_criteria(for_lead=for_lead, lead_only=lead_only)
    missing = [criterion.text for criterion in criteria if not statements.get(criterion.pk, "").strip()]
    if missing:
        raise ValidationError(
            "Write a statement for every criterion. Missing: " + "; ".join(missing) + ".", code="statement_missing"
        )
    application = Application(profile=profile, for_lead=for_lead, cv=cv, lead_statement=lead_statement.strip())
    application.full_clean()
    application.save()
    CriterionStatement.objects.bulk_create(
        CriterionStatement(
            application=application,
            criterion=criterion,
            criterion_wording=criterion.text,
            statement=statements[criterion.pk].strip(),
        )
        for criterion in criteria
    )
    log(instance=application, action="trainers.application.submit", user=person, data={"for_lead": for_lead})
    messages.send(
        messages.APPLICATION_RECEIVED, recipient=person, key=f"application-{application.pk}", application=application
    )
    return application


@transaction.atomic
def application_assign_assessor(*, application: Application, assessor: User, actor: User) -> Application:
    """A programme admin may hand the assessment to a Lead Trainer (issue #5 point 2)."""
    if assessor.pk == application.profile.person_id:
        raise ValidationError("Nobody assesses their own application.", code="own_application")
    if not TrainerProfile.objects.lead_trainers().filter(person=assessor).exists():
        raise ValidationError(f"{assessor} is not an active Lead Trainer.", code="assessor_not_lead")
    application.assessor = assessor
    application.save(update_fields=["assessor"])
    log(instance=application, action="trainers.application.assign", user=actor, data={"assessor": assessor.pk})
    return application


def unassessed_criteria(application: Application) -> list[Criterion]:
    criteria = applicable_criteria(
        for_lead=application.for_lead, lead_only=application.profile.stage != Stage.APPLICANT
    )
    assessed = set(CriterionAssessment.objects.filter(application=application).values_list("criterion_id", flat=True))
    return [criterion for criterion in criteria if criterion.pk not in assessed]


@transaction.atomic
def application_decide(
    *, application: Application, outcome: str, actor: User, development_needs: str = "", reasons: str = ""
) -> Application:
    application = Application.objects.select_for_update().select_related("profile__person").get(pk=application.pk)
    if not application.is_open:
        raise ValidationError("This application has been decided already.", code="already_decided")
    if outcome not in Application.Status.values or outcome == Application.Status.SUBMITTED:
        raise ValidationError("Choose an outcome.", code="unknown_outcome")
    development_needs, reasons = development_needs.strip(), reasons.strip()
    if outcome == Application.Status.DECLINED and not reasons:
        raise ValidationError("Give the reasons for declining: the applicant is told them.", code="reasons_required")
    if outcome == Application.Status.DEVELOPMENT and not development_needs:
        raise ValidationError("Say which development needs, e.g. initial shadowing.", code="development_needs_required")
    if outcome in Application.ACCEPTED_STATUSES and (missing := unassessed_criteria(application)):
        raise ValidationError(
            "Assess every criterion first. Not assessed: " + "; ".join(c.text for c in missing) + ".",
            code="not_assessed",
        )
    application.status = outcome
    application.development_needs, application.decline_reasons = development_needs, reasons
    application.decided_at, application.decided_by = timezone.now(), actor
    application.save()
    profile = application.profile
    if profile.stage == Stage.APPLICANT:
        accepted = outcome in Application.ACCEPTED_STATUSES
        note = development_needs if accepted else reasons
        pathway_move(profile=profile, verb="accept" if accepted else "decline", actor=actor, note=note)
        if accepted:
            role_grant(user=profile.person, role=Role.TRAINER, actor=actor)
    log(instance=application, action="trainers.application.decide", user=actor, data={"outcome": outcome})
    messages.send(
        messages.APPLICATION_DECIDED,
        recipient=profile.person,
        key=f"application-{application.pk}",
        application=application,
    )
    return application
