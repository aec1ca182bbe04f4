"""The daily sweep after the days: evaluation forms, reflective practice and follow-ups as they open.

"Without follow-up, training impact might fade" (000:L906–914). Each run (`manage.py
send_after_course_invitations` or its task) invites people to what has opened: the day's evaluation
from the end of the day (000:L2723), each reflective practice and the follow-ups on their dates
(000:L4942–4946, L5236–5239). `notify` keeps one message per person and thing, so a second run sends
nothing; an invitation is sent only within `CATCH_UP_DAYS` of opening, so a sweep switched on late
does not flood people with stale ones.
"""

import datetime

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from core.notifications import notify
from events.models import Cohort, Registration, Session
from events.services.messaging import absolute_url
from feedback import messages
from feedback.models import Attendance, AttendanceStatus, EvaluationReceipt
from feedback.rules import current_feedback_rules
from feedback.selectors.evaluation import evaluation_form_for
from feedback.selectors.questionnaires import questionnaire_schedule
from feedback.selectors.register import register_registrations

CATCH_UP_DAYS = 14


def _evaluations(today: datetime.date, rules) -> int:
    sent = 0
    sessions = Session.objects.filter(
        date__lte=today, date__gte=today - datetime.timedelta(days=rules.evaluation_open_days)
    ).exclude(cohort__status=Cohort.Status.CANCELLED)
    for session in sessions.select_related("course", "cohort"):
        if evaluation_form_for(session) is None:
            continue
        done = set(EvaluationReceipt.objects.filter(session=session).values_list("registration_id", flat=True))
        attendees = (
            register_registrations(session)
            .exclude(pk__in=done)
            .exclude(
                pk__in=Attendance.objects.filter(session=session, status=AttendanceStatus.ABSENT).values(
                    "registration_id"
                )
            )
            .select_related("person")
        )
        for registration in attendees:
            sent += (
                notify(
                    message=messages.EVALUATION_OPEN,
                    recipient=registration.person,
                    key=messages.session_key(session),
                    context={
                        "session": session,
                        "closes": rules.evaluation_closes(session.date),
                        "url": absolute_url(reverse("feedback:evaluation", args=[registration.pk, session.pk])),
                    },
                )
                is not None
            )
    return sent


def _questionnaires(today: datetime.date, rules) -> int:
    """Cohorts whose Day 2 was in the last three years: the long-term questionnaire is the latest."""
    sent = 0
    registrations = (
        Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            cohort__sessions__course__kind="day2",
            cohort__sessions__date__lt=today,
            cohort__sessions__date__gte=today - datetime.timedelta(days=3 * 365),
        )
        .exclude(cohort__status=Cohort.Status.CANCELLED)
        .distinct()
        .select_related("person", "cohort")
        .prefetch_related(Prefetch("cohort__sessions", queryset=Session.objects.select_related("course")))
    )
    for registration in registrations:
        for release in questionnaire_schedule(registration, rules):
            fresh = release.opens_on <= today < release.opens_on + datetime.timedelta(days=CATCH_UP_DAYS)
            if not fresh or release.is_submitted:
                continue
            url = reverse("feedback:questionnaire", args=[registration.pk, release.questionnaire.pk])
            sent += (
                notify(
                    message=messages.QUESTIONNAIRE_OPEN,
                    recipient=registration.person,
                    key=f"questionnaire-{release.questionnaire.pk}-registration-{registration.pk}",
                    context={"questionnaire": release.questionnaire, "url": absolute_url(url)},
                )
                is not None
            )
    return sent


def after_course_invitations_send_due(*, today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    rules = current_feedback_rules()
    return _evaluations(today, rules) + _questionnaires(today, rules)
