"""Who is on a day's register, and what the trainer needs to see beside each name (issue #6 point 2).

Day 1 once (000:L2320–2324): Day 1's register leaves out people who had done Day 1 or attend it with
another cohort, and adds the guests from other cohorts who come to this one's Day 1. Beside each
name: reading progress for the day's readings, parent carer / young person preparation (DOMAIN.md
§5), access needs and the accredited route flag. A fixed number of queries however many people.
"""

from dataclasses import dataclass

from django.db.models import F, FilteredRelation, Q

from events.models import Registration, Session
from feedback.models import Attendance
from feedback.selectors.readings import ReadingProgress, reading_progress, readings_by_course


def register_registrations(session: Session):
    """Confirmed registrations expected on this day."""
    confirmed = Registration.objects.filter(status=Registration.Status.CONFIRMED)
    if session.course.kind == "day1":
        return confirmed.filter(
            Q(cohort_id=session.cohort_id, skips_day1=False, day1_cohort__isnull=True)
            | Q(day1_cohort_id=session.cohort_id)
        )
    return confirmed.filter(cohort_id=session.cohort_id)


@dataclass
class RegisterRow:
    registration: Registration
    attendance: Attendance | None
    #: The title of a Day 1 guest's own cohort; None for the day's own cohort.
    guest_from: str | None
    readings: list[tuple[object, ReadingProgress]]
    #: None for practitioners; otherwise the preparation steps still to do (empty when prepared).
    preparation_missing: list[str] | None

    @property
    def access_needs(self) -> list[str]:
        needs = [self.registration.access_needs.strip()]
        preparation = getattr(self.registration, "preparation", None)
        if preparation is not None:
            needs.append(preparation.access_arrangements.strip())
        return [need for need in needs if need]


def register_rows(session: Session) -> list[RegisterRow]:
    """The day's people with their mark (one query: the mark joined on, with a guest's cohort title),
    then their readings and progress."""
    registrations = list(
        register_registrations(session)
        .select_related("person", "preparation")
        .annotate(
            mark=FilteredRelation("attendance", condition=Q(attendance__session=session)),
            mark_pk=F("mark__pk"),
            mark_status=F("mark__status"),
            mark_note=F("mark__note"),
            cohort_title=F("cohort__title"),
        )
        .order_by("person__last_name", "person__first_name", "pk")
    )
    readings = readings_by_course([session.course_id])[session.course_id]
    progress = reading_progress([r.person_id for r in registrations], [reading.pk for reading in readings])
    rows = []
    for registration in registrations:
        rows.append(
            RegisterRow(
                registration=registration,
                attendance=_mark(session, registration),
                guest_from=registration.cohort_title if registration.cohort_id != session.cohort_id else None,
                readings=[(reading, progress[(registration.person_id, reading.pk)]) for reading in readings],
                preparation_missing=registration.preparation_missing_steps(),
            )
        )
    return rows


def _mark(session: Session, registration: Registration) -> Attendance | None:
    """The person's mark for the day, from the columns `register_rows` joined on."""
    if registration.mark_pk is None:
        return None
    return Attendance(
        pk=registration.mark_pk,
        session=session,
        registration=registration,
        status=registration.mark_status,
        note=registration.mark_note,
    )
