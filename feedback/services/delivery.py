"""Recording a delivered day: sections against their planned time, the running list of issues, concerns
and queries, critical incidents and the trainer's reflection (issue #6 point 3, DOMAIN.md §7).

Each is written by the delivering trainers or staff who manage the region (`feedback.access`), on
or after the day, with an audit entry naming who wrote it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from core.models import User
from core.notifications import notify
from core.roles import Role
from courses.models import SectionPage
from events.models import Session
from events.services.locking import today
from events.services.messaging import absolute_url
from feedback import messages
from feedback.access import DELIVERING_ROLES, require_recorder, team_role
from feedback.models import CriticalIncident, DeliveryIssue, SectionDelivery, TrainerReflection


def _require_day_started(session: Session) -> None:
    if session.date > today():
        raise ValidationError("This can be recorded on the day or after it.", code="session_in_future")


def day_sections(session: Session) -> list[SectionPage]:
    return list(SectionPage.objects.child_of(session.course).live().order_by("number"))


@transaction.atomic
def section_deliveries_record(*, session: Session, rows: list[dict], actor: User) -> list[SectionDelivery]:
    """`rows`: [{"section": SectionPage, "outcome": ..., "actual_minutes": int | None, "note": str}]."""
    require_recorder(actor, session.cohort)
    _require_day_started(session)
    sections = {section.pk: section for section in day_sections(session)}
    saved = []
    for row in rows:
        section = row["section"]
        if section.pk not in sections:
            raise ValidationError(f"“{section}” is not a section of this day.", code="unknown_section")
        minutes = row.get("actual_minutes")
        if row["outcome"] == SectionDelivery.Outcome.SKIPPED and minutes:
            raise ValidationError(f"“{section}” was skipped, so it took no time.", code="skipped_with_minutes")
        if row["outcome"] != SectionDelivery.Outcome.SKIPPED and minutes is None:
            raise ValidationError(f"Say how many minutes “{section}” took.", code="minutes_required")
        delivery, _ = SectionDelivery.objects.get_or_create(
            session=session, section=section, defaults={"outcome": row["outcome"]}
        )
        delivery.outcome = row["outcome"]
        delivery.planned_minutes = section.planned_minutes
        delivery.actual_minutes = 0 if row["outcome"] == SectionDelivery.Outcome.SKIPPED else minutes
        delivery.note = row.get("note", "").strip()
        delivery.full_clean()
        delivery.save()
        saved.append(delivery)
    log(
        instance=session,
        action="feedback.delivery.sections",
        user=actor,
        data={str(d.section_id): [d.outcome, d.actual_minutes] for d in saved},
    )
    return saved


@transaction.atomic
def issue_record(*, session: Session, kind: str, text: str, actor: User) -> DeliveryIssue:
    require_recorder(actor, session.cohort)
    if not text.strip():
        raise ValidationError("Write the issue, concern or query.", code="text_required")
    issue = DeliveryIssue(session=session, kind=kind, text=text.strip())
    issue.full_clean()
    issue.save()
    log(instance=issue, action="feedback.issue.record", user=actor, data={"kind": kind})
    return issue


@transaction.atomic
def issue_resolve(*, issue: DeliveryIssue, actor: User) -> DeliveryIssue:
    require_recorder(actor, issue.session.cohort)
    if issue.resolved:
        raise ValidationError("This is already marked as dealt with.", code="already_resolved")
    issue.resolved = True
    issue.save(update_fields=["resolved"])
    log(instance=issue, action="feedback.issue.resolve", user=actor)
    return issue


@transaction.atomic
def incident_record(*, session: Session, what_happened: str, response: str, actor: User) -> CriticalIncident:
    """Only the lead and the central team read it afterwards; the central team is told there is one,
    without its content (an email is no place for it)."""
    require_recorder(actor, session.cohort)
    _require_day_started(session)
    if not what_happened.strip():
        raise ValidationError("Describe what happened.", code="text_required")
    incident = CriticalIncident(session=session, what_happened=what_happened.strip(), response=response.strip())
    incident.full_clean()
    incident.save()
    log(instance=incident, action="feedback.incident.record", user=actor, data={"session": session.pk})
    url = absolute_url(reverse("feedback_incidents:inspect", args=[incident.pk]))
    for admin in User.objects.with_role(Role.PROGRAMME_ADMIN).filter(is_active=True):
        notify(
            message=messages.CRITICAL_INCIDENT,
            recipient=admin,
            key=f"incident-{incident.pk}",
            context={"session": session, "cohort": session.cohort, "url": url},
        )
    return incident


@transaction.atomic
def trainer_reflection_save(*, session: Session, trainer: User, answers: dict, submit: bool) -> TrainerReflection:
    """Save a trainer's reflection; submitting sends the feedback to the region's facilitators, once."""
    if team_role(trainer, session.cohort) not in DELIVERING_ROLES:
        raise ValidationError("Only the trainers who delivered the day reflect on it here.", code="not_on_team")
    _require_day_started(session)
    if set(answers) - set(TrainerReflection.ANSWER_FIELDS):
        raise ValidationError("Unknown answer.", code="unknown_field")
    reflection = TrainerReflection.objects.filter(session=session, trainer=trainer).first() or TrainerReflection(
        session=session, trainer=trainer
    )
    for name, value in answers.items():
        setattr(reflection, name, value.strip())
    if submit:
        if not reflection.feedback_to_facilitator:
            raise ValidationError("Write your feedback to the Regional Facilitator.", code="feedback_required")
        reflection.submitted_at = reflection.submitted_at or timezone.now()
    reflection.full_clean()
    reflection.save()
    log(
        instance=reflection,
        action="feedback.trainer_reflection.submit" if submit else "feedback.trainer_reflection.save",
        user=trainer,
    )
    if submit:
        url = absolute_url(reverse("feedback_trainer_reflections:inspect", args=[reflection.pk]))
        for facilitator in User.objects.facilitators_of(session.cohort.region_id):
            notify(
                message=messages.TRAINER_FEEDBACK,
                recipient=facilitator,
                key=f"trainer-reflection-{reflection.pk}",
                context={"reflection": reflection, "session": session, "cohort": session.cohort, "url": url},
            )
    return reflection
