"""Before and after each delivery: the checklist, the trainer's reflection, the Lead Trainer's sign-off.

Every delivery starts with re-reading the Introduction for Trainers, reviewing the day's guide, a
time plan, local materials and prepared parents (000:L2067–2077, L2106–2118, L2658–2666). After
shadowing or co-training the trainee reflects (000:L7257–7287) and a Lead Trainer who is not their
own mentor signs it off (DOMAIN.md §6), which moves their pathway on.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from core.models import User
from courses.models import TrainerGuidePage
from trainers import messages
from trainers.models import DeliveryAssignment, DeliveryChecklist, TrainerProfile
from trainers.services.pathway import pathway_advance


def _own(assignment: DeliveryAssignment, actor: User) -> None:
    if assignment.trainer_id != actor.pk:
        raise ValidationError("This is not your delivery.", code="not_your_assignment")


@transaction.atomic
def checklist_update(
    *, assignment: DeliveryAssignment, actor: User, introduction_reread: bool, ticks: dict[str, bool]
) -> DeliveryChecklist:
    """Ticking "re-read" dates the acknowledgement today, with the version of the Introduction read."""
    _own(assignment, actor)
    end = assignment.cohort.end_date
    if end is not None and end < timezone.localdate():
        raise ValidationError("This delivery is over: its checklist is closed.", code="delivery_over")
    unknown = set(ticks) - {name for name, _ in DeliveryChecklist.TICKS}
    if unknown:
        raise ValueError(f"Not on the checklist: {sorted(unknown)}")
    checklist, _ = DeliveryChecklist.objects.get_or_create(assignment=assignment)
    for name, value in ticks.items():
        setattr(checklist, name, value)
    if introduction_reread:
        introduction = TrainerGuidePage.objects.live().filter(read_before_every_delivery=True).first()
        checklist.introduction_reread_on = timezone.localdate()
        checklist.introduction_revision_id = introduction.live_revision_id if introduction else None
    checklist.full_clean()
    checklist.save()
    log(
        instance=assignment,
        action="trainers.checklist.update",
        user=actor,
        data={**ticks, "introduction_reread_on": str(checklist.introduction_reread_on or "")},
    )
    return checklist


@transaction.atomic
def reflection_submit(*, assignment: DeliveryAssignment, reflection: str, actor: User) -> DeliveryAssignment:
    """After shadowing, co-training or leading: what went well, what the trainer would change."""
    _own(assignment, actor)
    assignment = DeliveryAssignment.objects.select_for_update().get(pk=assignment.pk)
    end = assignment.cohort.end_date
    if end is None or end > timezone.localdate():
        raise ValidationError("Reflect once the cohort's last day has taken place.", code="not_delivered_yet")
    if assignment.is_signed_off:
        raise ValidationError("This reflection has been signed off already.", code="already_signed_off")
    if not reflection.strip():
        raise ValidationError("Write your reflection.", code="reflection_required")
    assignment.reflection, assignment.reflected_at = reflection.strip(), timezone.now()
    assignment.save(update_fields=["reflection", "reflected_at"])
    log(instance=assignment, action="trainers.reflection.submit", user=actor, data={"role": assignment.role})
    return assignment


@transaction.atomic
def assignment_sign_off(*, assignment: DeliveryAssignment, actor: User) -> DeliveryAssignment:
    """A Lead Trainer who is neither the trainee nor the trainee's mentor signs off (DOMAIN.md §6)."""
    assignment = (
        DeliveryAssignment.objects.select_for_update().select_related("trainer", "cohort").get(pk=assignment.pk)
    )
    if not assignment.needs_sign_off:
        raise ValidationError("Only shadowing and co-training are signed off.", code="no_sign_off_needed")
    if assignment.is_signed_off:
        raise ValidationError("This has been signed off already.", code="already_signed_off")
    if not assignment.reflected_at:
        raise ValidationError("The trainee has not sent their reflection yet.", code="reflection_missing")
    trainee = TrainerProfile.objects.filter(person=assignment.trainer).first()
    if actor.pk == assignment.trainer_id:
        raise ValidationError("Nobody signs off their own shadowing or co-training.", code="own_sign_off")
    if not TrainerProfile.objects.lead_trainers().filter(person=actor).exists():
        raise ValidationError(
            "Only an active Lead Trainer signs off shadowing and co-training.", code="not_lead_trainer"
        )
    if trainee is not None and trainee.mentor_id == actor.pk:
        raise ValidationError(
            "A mentor does not sign off their own mentee: ask another Lead Trainer.", code="mentor_cannot_sign_off"
        )
    assignment.signed_off_by, assignment.signed_off_at = actor, timezone.now()
    assignment.save(update_fields=["signed_off_by", "signed_off_at"])
    log(instance=assignment, action="trainers.assignment.sign_off", user=actor, data={"role": assignment.role})
    messages.send(
        messages.SIGNED_OFF, recipient=assignment.trainer, key=f"assignment-{assignment.pk}", assignment=assignment
    )
    if trainee is not None:
        pathway_advance(profile=trainee, actor=actor)
    return assignment
