"""Taking the register for a day (issue #6 point 2, DOMAIN.md §7 "attendance for each day").

One save for the whole day. Attending Day 1 records Day 1 through events' service, for the Day-1-once
rule (000:L2320–2324), and a Day 1 mark corrected to absent takes it back; the last day's register
issues the certificates of those who attended both, and a mark corrected to absent on any day takes
back a certificate no longer earned.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log

from core.models import User
from events.models import Cohort, Day1Completion, Session
from events.services.day1 import day1_completion_record, day1_completions_withdraw
from events.services.locking import today
from feedback.access import require_recorder
from feedback.models import Attendance, AttendanceStatus
from feedback.rules import current_feedback_rules
from feedback.selectors.certificates import attended_every_day
from feedback.selectors.register import register_registrations
from feedback.services.certificates import certificate_issue, certificates_withdraw_unearned


@transaction.atomic
def attendance_record(*, session: Session, marks: dict[int, tuple[str, str]], actor: User) -> list[Attendance]:
    """Record `marks` ({registration id: (status, note)}) for the day; people left out stay as they were."""
    cohort = session.cohort
    require_recorder(actor, cohort)
    if cohort.status == Cohort.Status.CANCELLED:
        raise ValidationError("This cohort was cancelled.", code="cohort_cancelled")
    if session.date > today():
        raise ValidationError("The register can be taken on the day, not before.", code="session_in_future")
    expected = {r.pk: r for r in register_registrations(session).select_related("person", "cohort")}
    if set(marks) - set(expected):
        raise ValidationError("Someone marked is not on this day's register.", code="not_on_register")
    if any(status not in AttendanceStatus.values for status, _ in marks.values()):
        raise ValidationError("Choose present, absent, late or left early.", code="unknown_status")

    existing = {a.registration_id: a for a in Attendance.objects.filter(session=session, registration_id__in=marks)}
    rows = []
    for registration_id, (status, note) in marks.items():
        row = existing.get(registration_id) or Attendance(session=session, registration_id=registration_id)
        row.status, row.note = status, note.strip()[:300]
        row.full_clean()
        row.save()
        rows.append(row)

    rules = current_feedback_rules()
    attended_ids = set(
        Attendance.objects.attended(rules)
        .filter(pk__in=[row.pk for row in rows])
        .values_list("registration_id", flat=True)
    )
    is_day1 = session.course.kind == "day1"
    for registration_id in attended_ids:
        registration = expected[registration_id]
        if is_day1:
            day1_completion_record(
                person=registration.person,
                kind=Day1Completion.Kind.ATTENDED,
                completed_on=session.date,
                cohort=cohort,
                actor=actor,
            )
        if attended_every_day(registration, rules):
            certificate_issue(registration=registration, actor=actor)
    absent = [expected[registration_id] for registration_id in set(marks) - attended_ids]
    if is_day1 and absent:
        day1_completions_withdraw(people=[registration.person for registration in absent], cohort=cohort, actor=actor)
    if absent:
        certificates_withdraw_unearned(registrations=absent, actor=actor)
    counts = {status: sum(1 for row in rows if row.status == status) for status in AttendanceStatus.values}
    log(instance=session, action="feedback.attendance.record", user=actor, data=counts)
    return rows
