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
from events.services.messaging import absolute_url, cohort_sender
from feedback import messages
from feedback.models import Attendance, AttendanceStatus, EvaluationReceipt, Questionnaire
from feedback.rules import current_feedback_rules
from feedback.selectors.evaluation import evaluation_form_for, published_evaluation_forms
from feedback.selectors.questionnaires import day2_dates_with_release, questionnaire_schedules
from feedback.selectors.register import register_registrations
from feedback.selectors.sent import already_sent

CATCH_UP_DAYS = 14
#: How far back a Day 2 can be for anything to open: the long-term questionnaire is the latest.
TIMELINE_DAYS = 3 * 365


def is_fresh(opens_on: datetime.date, today: datetime.date) -> bool:
    """Open, and opened within `CATCH_UP_DAYS`: the only invitations a sweep sends."""
    return opens_on <= today < opens_on + datetime.timedelta(days=CATCH_UP_DAYS)


def _evaluations(today: datetime.date, rules) -> int:
    """A fixed number of queries per day in the evaluation window, whatever the number of people."""
    forms = published_evaluation_forms()
    sessions = [
        session
        for session in Session.objects.filter(
            date__lte=today, date__gte=today - datetime.timedelta(days=rules.evaluation_open_days)
        )
        .exclude(cohort__status=Cohort.Status.CANCELLED)
        .select_related("course", "cohort")
        if evaluation_form_for(session, forms) is not None
    ]
    skip = set(EvaluationReceipt.objects.filter(session__in=sessions).values_list("session_id", "registration_id"))
    skip |= set(
        Attendance.objects.filter(session__in=sessions, status=AttendanceStatus.ABSENT).values_list(
            "session_id", "registration_id"
        )
    )
    sent_before = already_sent(messages.EVALUATION_OPEN, key__in=[messages.session_key(s) for s in sessions])
    sent, senders = 0, {}
    for session in sessions:
        key = messages.session_key(session)
        for registration in register_registrations(session).select_related("person"):
            if (session.pk, registration.pk) in skip or (registration.person_id, key) in sent_before:
                continue
            sent += (
                notify(
                    message=messages.EVALUATION_OPEN,
                    recipient=registration.person,
                    key=key,
                    context={
                        "session": session,
                        "closes": rules.evaluation_closes(session.date),
                        "url": absolute_url(reverse("feedback:evaluation", args=[registration.pk, session.pk])),
                    },
                    sender=cohort_sender(session.cohort, senders),
                )
                is not None
            )
    return sent


def _questionnaire_key(questionnaire: Questionnaire, registration: Registration) -> str:
    return f"questionnaire-{questionnaire.pk}-registration-{registration.pk}"


def _questionnaires(today: datetime.date, rules) -> int:
    """Only the registrations something opens for: their Day 2 date is selected in SQL from the dates
    `opens_on` gives a fresh release, then the schedules, entries and messages sent come in one query each."""
    questionnaires = list(Questionnaire.objects.all())
    oldest = today - datetime.timedelta(days=TIMELINE_DAYS)
    day2_dates = day2_dates_with_release(
        questionnaires,
        rules,
        (oldest + datetime.timedelta(days=n) for n in range((today - oldest).days)),
        lambda opens_on: is_fresh(opens_on, today),
    )
    registrations = list(
        Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            cohort__sessions__course__kind="day2",
            cohort__sessions__date__in=day2_dates,
        )
        .exclude(cohort__status=Cohort.Status.CANCELLED)
        .distinct()
        .select_related("person", "cohort")
        .prefetch_related(Prefetch("cohort__sessions", queryset=Session.objects.select_related("course")))
    )
    schedules = questionnaire_schedules(registrations, rules, questionnaires)
    sent_before = already_sent(
        messages.QUESTIONNAIRE_OPEN, recipient_id__in={registration.person_id for registration in registrations}
    )
    sent, senders = 0, {}
    for registration in registrations:
        for release in schedules[registration.pk]:
            key = _questionnaire_key(release.questionnaire, registration)
            if not is_fresh(release.opens_on, today) or release.is_submitted:
                continue
            if (registration.person_id, key) in sent_before:
                continue
            url = reverse("feedback:questionnaire", args=[registration.pk, release.questionnaire.pk])
            sent += (
                notify(
                    message=messages.QUESTIONNAIRE_OPEN,
                    recipient=registration.person,
                    key=key,
                    context={"questionnaire": release.questionnaire, "url": absolute_url(url)},
                    sender=cohort_sender(registration.cohort, senders),
                )
                is not None
            )
    return sent


def after_course_invitations_send_due(*, today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    rules = current_feedback_rules()
    return _evaluations(today, rules) + _questionnaires(today, rules)
