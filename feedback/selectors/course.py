"""A participant's whole course on one page: from the pre-reading to the follow-up (issue #6).

Sequence (000:L2308–2340): pre-reading → Day 1 → interim reading → Day 2 → reflective practice and
follow-up; plus what the trainers fed back (photos, notes, answers to the group's questions) and the
certificate.
"""

import datetime
from dataclasses import dataclass, fields

from django.db.models import Prefetch, QuerySet

from events.models import Cohort, Registration, Session
from events.selectors.sessions import sessions_with_cohorts
from feedback.models import Attendance, AttendanceStatus, Certificate, EvaluationReceipt, OpenQuestion, SessionMaterial
from feedback.rules import FeedbackRules
from feedback.selectors.certificates import attended_every_day
from feedback.selectors.evaluation import evaluation_form_for, published_evaluation_forms
from feedback.selectors.materials import MaterialState, material_states
from feedback.selectors.participants import sessions_of_registration
from feedback.selectors.questionnaires import Release, questionnaire_schedules
from feedback.selectors.readings import DueReading, ReadingProgress, reading_progress, readings_for_registrations


def with_course_work(registrations: QuerySet[Registration]) -> QuerySet[Registration]:
    """The registrations with what `course_summaries` reads from them: their cohorts' days with the
    course pages, the person and the certificate (so a summary costs no query per registration)."""
    sessions = Session.objects.with_course_names()
    return registrations.select_related("person", "cohort", "day1_cohort", "certificate").prefetch_related(
        Prefetch("cohort__sessions", queryset=sessions), Prefetch("day1_cohort__sessions", queryset=sessions)
    )


@dataclass
class Day:
    session: Session
    cohort: Cohort
    attendance: Attendance | None
    evaluation: str  # "open", "done", "closed", "not yet" or "none"
    evaluation_closes: datetime.date

    def was_attended(self, rules: FeedbackRules) -> bool:
        return self.attendance is not None and self.attendance.counts_as_attended(rules)


def _days(registrations: list[Registration], rules: FeedbackRules, today: datetime.date) -> dict[int, list[Day]]:
    """{registration id: their days with attendance and evaluation state} in two or three queries."""
    pairs = {registration.pk: sessions_with_cohorts(registration) for registration in registrations}
    session_ids = {session.pk for days in pairs.values() for session, _ in days}
    attendance = {
        (mark.registration_id, mark.session_id): mark
        for mark in Attendance.objects.filter(registration_id__in=list(pairs), session_id__in=session_ids)
    }
    done = set(
        EvaluationReceipt.objects.filter(registration_id__in=list(pairs), session_id__in=session_ids).values_list(
            "registration_id", "session_id"
        )
    )
    forms = None  # loaded once, and only if a day's evaluation may be open
    days_by_registration = {}
    for pk, days in pairs.items():
        days_by_registration[pk] = []
        for session, cohort in days:
            closes = rules.evaluation_closes(session.date)
            mark = attendance.get((pk, session.pk))
            if (pk, session.pk) in done:
                state = "done"
            elif mark is not None and mark.status == AttendanceStatus.ABSENT:
                state = "none"
            elif today < session.date:
                state = "not yet"
            elif today > closes:
                state = "closed"
            else:
                forms = published_evaluation_forms() if forms is None else forms
                state = "open" if evaluation_form_for(session, forms) else "none"
            days_by_registration[pk].append(
                Day(session=session, cohort=cohort, attendance=mark, evaluation=state, evaluation_closes=closes)
            )
    return days_by_registration


@dataclass
class CourseSummary:
    """What the dashboard shows of one course: readings, days to evaluate, questionnaires, certificate."""

    registration: Registration
    days: list[Day]
    readings: list[tuple[DueReading, ReadingProgress]]
    releases: list[Release]
    certificate: Certificate | None


def course_summaries(registrations, rules: FeedbackRules, today: datetime.date) -> list[CourseSummary]:
    """A summary of each registration, in a fixed number of queries whatever the number of registrations
    (they come through `with_course_work`)."""
    registrations = list(registrations)
    due = readings_for_registrations(registrations)
    progress = reading_progress(
        {registration.person_id for registration in registrations},
        {item.reading.pk for items in due.values() for item in items},
    )
    days = _days(registrations, rules, today)
    attended = {(pk, day.session.pk) for pk, days_of in days.items() for day in days_of if day.was_attended(rules)}
    releases = questionnaire_schedules(registrations, rules, attended=attended)
    return [
        CourseSummary(
            registration=registration,
            days=days[registration.pk],
            readings=[(item, progress[(registration.person_id, item.reading.pk)]) for item in due[registration.pk]],
            releases=releases[registration.pk],
            certificate=getattr(registration, "certificate", None),
        )
        for registration in registrations
    ]


@dataclass
class CourseOverview(CourseSummary):
    """The whole course on its own page: the summary, what the trainers fed back, and the certificate."""

    materials: list[MaterialState]
    answered_questions: list[OpenQuestion]
    can_get_certificate: bool


def course_overview(registration: Registration, rules: FeedbackRules, today: datetime.date) -> CourseOverview:
    summary = course_summaries([registration], rules, today)[0]
    attended = {day.session.pk for day in summary.days if day.was_attended(rules)}
    sessions = {session.pk: session for session in sessions_of_registration(registration)}
    materials = list(SessionMaterial.objects.filter(session_id__in=list(sessions)))
    for material in materials:
        material.session = sessions[material.session_id]  # loaded already, with its course
    return CourseOverview(
        **{field.name: getattr(summary, field.name) for field in fields(CourseSummary)},
        materials=[state for state in material_states(materials) if state.is_shared],
        answered_questions=list(
            OpenQuestion.objects.filter(session_id__in=list(sessions), status=OpenQuestion.Status.ANSWERED)
        ),
        can_get_certificate=summary.certificate is None and attended_every_day(registration, rules, attended),
    )
