"""Recording that someone has done Day 1 (Day 1 once, 000:L2320–2324, L4339–4343).

Facilitators record an earlier or equivalent Day 1 here; the attendance register of issue #6
records `ATTENDED` through the same service. One record per person: recording again leaves the
first one as it is, so a register can be saved twice.
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
