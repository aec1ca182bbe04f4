"""A participant's whole course on one page: from the pre-reading to the follow-up (issue #6).

Sequence (000:L2308–2340): pre-reading → Day 1 → interim reading → Day 2 → reflective practice and
follow-up; plus what the trainers fed back (photos, notes, answers to the group's questions) and the
certificate.
"""

import datetime
from dataclasses import dataclass

from events.models import Cohort, Registration, Session
from events.selectors.sessions import sessions_with_cohorts
from feedback.models import Attendance, AttendanceStatus, Certificate, EvaluationReceipt, OpenQuestion, SessionMaterial
from feedback.rules import FeedbackRules
from feedback.selectors.certificates import attended_every_day
from feedback.selectors.evaluation import evaluation_form_for
from feedback.selectors.materials import MaterialState, material_states
from feedback.selectors.participants import session_ids_for_registration
from feedback.selectors.questionnaires import Release, questionnaire_schedule
from feedback.selectors.readings import DueReading, ReadingProgress, reading_progress, readings_for_registration


@dataclass
class Day:
    session: Session
    cohort: Cohort
    attendance: Attendance | None
    evaluation: str  # "open", "done", "closed", "not yet" or "none"
    evaluation_closes: datetime.date


def _days(registration: Registration, rules: FeedbackRules, today: datetime.date) -> list[Day]:
    pairs = sessions_with_cohorts(registration)
    sessions = [session for session, _ in pairs]
    attendance = {a.session_id: a for a in Attendance.objects.filter(registration=registration, session__in=sessions)}
    done = set(
        EvaluationReceipt.objects.filter(registration=registration, session__in=sessions).values_list(
            "session_id", flat=True
        )
    )
    days = []
    for session, cohort in pairs:
        closes = rules.evaluation_closes(session.date)
        mark = attendance.get(session.pk)
        if session.pk in done:
            state = "done"
        elif mark is not None and mark.status == AttendanceStatus.ABSENT:
            state = "none"
        elif today < session.date:
            state = "not yet"
        elif today > closes:
            state = "closed"
        else:
            state = "open" if evaluation_form_for(session) else "none"
        days.append(Day(session=session, cohort=cohort, attendance=mark, evaluation=state, evaluation_closes=closes))
    return days


@dataclass
class CourseOverview:
    registration: Registration
    days: list[Day]
    readings: list[tuple[DueReading, ReadingProgress]]
    releases: list[Release]
    materials: list[MaterialState]
    answered_questions: list[OpenQuestion]
    certificate: Certificate | None
    can_get_certificate: bool


def course_overview(registration: Registration, rules: FeedbackRules, today: datetime.date) -> CourseOverview:
    due = readings_for_registration(registration)
    progress = reading_progress([registration.person_id], [item.reading.pk for item in due])
    session_ids = session_ids_for_registration(registration)
    materials = SessionMaterial.objects.filter(session_id__in=session_ids).select_related("session__course")
    certificate = Certificate.objects.filter(registration=registration).first()
    return CourseOverview(
        registration=registration,
        days=_days(registration, rules, today),
        readings=[(item, progress[(registration.person_id, item.reading.pk)]) for item in due],
        releases=questionnaire_schedule(registration, rules),
        materials=[state for state in material_states(materials) if state.is_shared],
        answered_questions=list(
            OpenQuestion.objects.filter(session_id__in=session_ids, status=OpenQuestion.Status.ANSWERED).select_related(
                "session__course"
            )
        ),
        certificate=certificate,
        can_get_certificate=certificate is None and attended_every_day(registration, rules),
    )
