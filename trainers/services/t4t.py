"""Training for Trainers: the pre-reading gate, booking, the day's groups and parts, completion.

"Previous readings are essential … a condition for trainers to participate in T4T" (000:L404–406):
`t4t_book` refuses anyone whose pre-reading is not complete, asking `trainers.interfaces`. On the
day candidates deliver a part of Day 1 Sections 5 and 6 in balanced small groups (000:L2082–2093,
L3506–3514), and experienced trainers assess them against the specification (000:L2043–2065).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from core.models import User
from events.models import Cohort
from events.services.locking import lock_cohort
from trainers import messages
from trainers.access import runs_t4t
from trainers.interfaces import completed_t4t_prereading
from trainers.models import CriterionAssessment, Stage, T4TPlace, T4TPrereadingConfirmation, TrainerProfile
from trainers.selectors.t4t import t4t_preparation
from trainers.services.pathway import pathway_advance, pathway_move

PREREADING_REFUSAL = (
    "Complete the Training for Trainers pre-reading before booking a place: it is a condition of taking "
    # 000:L404–406
    "part, so that everyone arrives ready to practise delivery."
)


@transaction.atomic
def t4t_prereading_record(
    *, person: User, completed_on: datetime.date, actor: User, note: str = ""
) -> T4TPrereadingConfirmation:
    """A programme admin records the pre-reading as done, e.g. read on paper (000:L4442–4456)."""
    if completed_on > timezone.localdate():
        raise ValidationError("The date is in the future.", code="date_in_future")
    record, _ = T4TPrereadingConfirmation.objects.update_or_create(
        person=person, defaults={"completed_on": completed_on, "recorded_by": actor, "note": note.strip()}
    )
    log(instance=record, action="trainers.prereading.record", user=actor, data={"completed_on": str(completed_on)})
    return record


@transaction.atomic
def t4t_book(*, cohort: Cohort, profile: TrainerProfile, actor: User) -> T4TPlace:
    """A candidate in the pool takes a place at a T4T and is sent their preparation."""
    cohort = lock_cohort(cohort)
    if cohort.path != Cohort.Path.T4T:
        raise ValidationError("This cohort is not a Training for Trainers.", code="not_t4t")
    if not cohort.is_open_for_registration(timezone.localdate()):
        raise ValidationError("This Training for Trainers is not taking bookings.", code="t4t_closed")
    if not (profile.is_active and profile.stage == Stage.IN_POOL):
        raise ValidationError(
            "Training for Trainers is for people in the pool of potential trainers.", code="not_in_pool"
        )
    if (
        T4TPlace.objects.filter(profile=profile, completed_at__isnull=True)
        .exclude(cohort__status__in=[Cohort.Status.CANCELLED, Cohort.Status.DELIVERED])
        .exists()
    ):
        raise ValidationError("You already have a place at a Training for Trainers.", code="already_booked")
    if T4TPlace.objects.filter(cohort=cohort).count() >= cohort.capacity:
        raise ValidationError("This Training for Trainers is full.", code="t4t_full")
    if profile.person_id not in completed_t4t_prereading([profile.person_id]):
        raise ValidationError(PREREADING_REFUSAL, code="prereading_not_done")
    place = T4TPlace(cohort=cohort, profile=profile)
    place.full_clean()
    place.save()
    log(instance=place, action="trainers.t4t.book", user=actor, data={"cohort": cohort.pk})
    messages.send(
        messages.T4T_BOOKED,
        recipient=profile.person,
        key=f"t4t-place-{place.pk}",
        place=place,
        cohort=cohort,
        preparation=t4t_preparation(),
    )
    return place


@transaction.atomic
def t4t_plan_save(*, cohort: Cohort, plan: dict[int, tuple[int, str]], actor: User) -> list[T4TPlace]:
    """The lead's groups and the part each group delivers: `plan` maps place id -> (group, part)."""
    if not runs_t4t(actor, cohort):
        raise ValidationError("Only the trainers running this T4T plan its groups.", code="not_running_t4t")
    places = list(T4TPlace.objects.filter(cohort=cohort, pk__in=plan))
    if len(places) != len(plan):
        raise ValidationError("Someone in the plan has no place at this T4T.", code="not_a_candidate")
    if any(group < 1 for group, _ in plan.values()):
        raise ValidationError("Groups are numbered from 1.", code="bad_group")
    for place in places:
        place.group_number, place.part_to_deliver = plan[place.pk][0], plan[place.pk][1].strip()
    T4TPlace.objects.bulk_update(places, ["group_number", "part_to_deliver"])
    log(
        instance=cohort,
        action="trainers.t4t.plan",
        user=actor,
        data={str(place.pk): [place.group_number, place.part_to_deliver] for place in places},
    )
    return places


@transaction.atomic
def t4t_complete(*, place: T4TPlace, actor: User) -> T4TPlace:
    """After the T4T, a candidate who was observed against the specification completes it."""
    place = T4TPlace.objects.select_for_update().select_related("cohort", "profile").get(pk=place.pk)
    if not runs_t4t(actor, place.cohort):
        raise ValidationError("Only the trainers running this T4T record its completion.", code="not_running_t4t")
    if place.completed_at:
        raise ValidationError(f"{place.profile} has completed this T4T already.", code="already_completed")
    end = place.cohort.end_date
    if end is None or end > timezone.localdate():
        raise ValidationError("The Training for Trainers has not finished yet.", code="t4t_not_finished")
    if not CriterionAssessment.objects.filter(
        profile=place.profile, cohort=place.cohort, source=CriterionAssessment.Source.T4T_OBSERVATION
    ).exists():
        raise ValidationError(
            # 000:L2043–2065
            f"Record your observation of {place.profile} against the criteria first.",
            code="not_observed",
        )
    place.completed_at = timezone.now()
    place.save(update_fields=["completed_at"])
    profile = pathway_move(profile=place.profile, verb="complete_t4t", actor=actor, note=str(place.cohort))
    pathway_advance(profile=profile, actor=actor)
    return place
