"""Recording that someone has done Day 1 (Day 1 once, 000:L2320–2324, L4339–4343).

Facilitators record an earlier or equivalent Day 1 here; the attendance register of issue #6
records `ATTENDED` through the same service, and takes it back when a mark is corrected to absent.
One record per person: recording again leaves the first one as it is, so a register can be saved twice.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log

from core.models import User
from events.models import Cohort, Day1Completion
from events.services.locking import today


@transaction.atomic
def day1_completion_record(
    *,
    person: User,
    kind: str,
    completed_on: datetime.date,
    actor: User | None,
    cohort: Cohort | None = None,
    note: str = "",
) -> Day1Completion:
    existing = Day1Completion.objects.filter(person=person).first()
    if existing is not None:
        return existing
    if completed_on > today():
        raise ValidationError("Day 1 cannot be done in the future.", code="in_future")
    if kind == Day1Completion.Kind.EQUIVALENT and not note.strip():
        raise ValidationError("Say what the equivalent was and where.", code="note_required")
    completion = Day1Completion(
        person=person, kind=kind, completed_on=completed_on, cohort=cohort, note=note.strip(), recorded_by=actor
    )
    completion.full_clean()
    completion.save()
    log(instance=completion, action="events.day1.record", user=actor, data={"kind": kind, "person": person.pk})
    return completion


@transaction.atomic
def day1_completions_withdraw(*, people: list[User], cohort: Cohort, actor: User | None) -> int:
    """Take back the Day 1 that `cohort`'s register recorded for each of `people`, whose mark was
    corrected to absent. A Day 1 recorded any other way (another cohort's register, a facilitator's
    equivalent) stays. How many were taken back."""
    completions = list(
        Day1Completion.objects.filter(person__in=people, kind=Day1Completion.Kind.ATTENDED, cohort=cohort)
    )
    for completion in completions:
        log(
            instance=completion,
            action="events.day1.withdraw",
            user=actor,
            data={"person": completion.person_id, "cohort": cohort.pk},
        )
    Day1Completion.objects.filter(pk__in=[completion.pk for completion in completions]).delete()
    return len(completions)
