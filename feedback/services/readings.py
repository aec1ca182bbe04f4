"""Saving reading progress, and reminding those not done before each day (issue #6 point 1).

Readings were skipped (000:L898–904), so progress is saved per item and per answer and people who
have not finished get reminders at the points set in Settings → Course follow-through rules
(default 7 and 2 days before the day). The sweep runs daily (`manage.py send_reading_reminders` or
the `send_reading_reminders` task); `notify` records each reminder once per person, reading, day and
point, so running it twice never sends twice.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from core.models import User
from core.notifications import notify
from core.roles import Role
from courses.models import WRITTEN, ReadingPage, ReadingQuestion
from events.models import Cohort, Registration, Session
from events.services.messaging import absolute_url, cohort_sender
from feedback import messages
from feedback.models import ReadingAnswer, ReadingItemProgress
from feedback.rules import current_feedback_rules
from feedback.selectors.readings import (
    reading_page_state,
    reading_progress,
    readings_by_course,
    readings_for_registration,
)
from feedback.selectors.register import register_registrations
from feedback.selectors.sent import already_sent


def _clean_answers(reading: ReadingPage, answers: dict[int, str]) -> dict[ReadingQuestion, str]:
    questions = {question.pk: question for question in reading.questions.filter(WRITTEN)}
    cleaned = {}
    for question_id, value in answers.items():
        question = questions.get(question_id)
        if question is None:
            raise ValidationError("That question is not part of this reading.", code="unknown_question")
        value = (value or "").strip()
        is_choice = question.kind == ReadingQuestion.Kind.MULTIPLE_CHOICE
        if is_choice and value and value not in {block.id for block in question.choices}:
            raise ValidationError("Choose one of the answers given.", code="unknown_choice")
        cleaned[question] = value
    return cleaned


def _require_open(person: User, reading: ReadingPage, registration: Registration | None) -> None:
    """A reading of one of the person's days; or, with no registration, the T4T pre-reading for someone
    accepted as a trainer, which they finish before booking T4T (000:L404–406)."""
    if registration is None:
        if reading.kind != ReadingPage.Kind.T4T_PRE_READING or not person.has_role(Role.TRAINER):
            raise ValidationError("This reading is not part of your course.", code="not_your_reading")
        return
    if registration.person_id != person.pk:
        raise ValidationError("Only you can record your own reading.", code="not_yours")
    if registration.status != Registration.Status.CONFIRMED:
        raise ValidationError("Your place on this course is not confirmed.", code="not_confirmed")
    if reading.pk not in {due.reading.pk for due in readings_for_registration(registration)}:
        raise ValidationError("This reading is not part of your course.", code="not_your_reading")


@transaction.atomic
def reading_progress_save(
    *,
    person: User,
    reading: ReadingPage,
    read_item_ids: set[int],
    answers: dict[int, str],
    actor: User,
    registration: Registration | None = None,
) -> dict:
    """Save which items are read and the answers given; a blank answer clears an earlier one.

    Only the person themselves, and only a reading open to them (`_require_open`).
    """
    if actor.pk != person.pk:
        raise ValidationError("Only you can record your own reading.", code="not_yours")
    _require_open(person, reading, registration)
    item_ids = set(reading.items.values_list("pk", flat=True))
    if not read_item_ids <= item_ids:
        raise ValidationError("That item is not part of this reading.", code="unknown_item")
    cleaned = _clean_answers(reading, answers)

    ReadingItemProgress.objects.filter(person=person, item_id__in=item_ids - read_item_ids).delete()
    already = set(
        ReadingItemProgress.objects.filter(person=person, item_id__in=item_ids).values_list("item_id", flat=True)
    )
    ReadingItemProgress.objects.bulk_create(
        [ReadingItemProgress(person=person, item_id=item_id) for item_id in read_item_ids - already]
    )
    for question, value in cleaned.items():
        if not value:
            ReadingAnswer.objects.filter(person=person, question=question).delete()
            continue
        is_choice = question.kind == ReadingQuestion.Kind.MULTIPLE_CHOICE
        chosen = next((block.value for block in question.choices if block.id == value), None) if is_choice else None
        ReadingAnswer.objects.update_or_create(
            person=person,
            question=question,
            defaults={
                "choice_id": value if is_choice else "",
                "is_correct": bool(chosen["is_correct"]) if chosen else None,
                "text": "" if is_choice else value,
            },
        )
    state = reading_page_state(person, reading)
    log(
        instance=registration or person,
        action="feedback.reading.save",
        user=actor,
        data={
            "reading": reading.pk,
            "percent": state["progress"].percent,
            "complete": state["progress"].is_complete,
        },
    )
    return state


def _reminder_key(reading: ReadingPage, session: Session, point: int) -> str:
    return f"reading-{reading.pk}-session-{session.pk}-{point}d"


def reading_reminders_send_due(*, today: datetime.date | None = None) -> int:
    """Remind everyone who has not finished a reading due before one of their coming days: a fixed
    number of queries per coming day, whatever the number of people."""
    rules = current_feedback_rules()
    today = today or timezone.localdate()
    if not rules.reading_reminder_days:
        return 0
    horizon = today + datetime.timedelta(days=max(rules.reading_reminder_days))
    sessions = (
        Session.objects.filter(date__gt=today, date__lte=horizon, cohort__status__in=Cohort.OPEN_STATUSES)
        .select_related("course", "cohort")
        .order_by("date", "pk")
    )
    points = {session: point for session in sessions if (point := rules.reminder_due(session.date, today)) is not None}
    by_course = readings_by_course(session.course_id for session in points)
    due = {
        session: (point, by_course[session.course_id])
        for session, point in points.items()
        if by_course[session.course_id]
    }
    registers = {session: list(register_registrations(session).select_related("person")) for session in due}
    progress = reading_progress(
        {registration.person_id for registrations in registers.values() for registration in registrations},
        {reading.pk for _, readings in due.values() for reading in readings},
    )
    sent_before = already_sent(
        messages.READING_REMINDER,
        key__in=[
            _reminder_key(reading, session, point) for session, (point, readings) in due.items() for reading in readings
        ],
    )
    sent, senders = 0, {}
    for session, (point, readings) in due.items():
        for registration in registers[session]:
            for reading in readings:
                state = progress[(registration.person_id, reading.pk)]
                key = _reminder_key(reading, session, point)
                if state.is_complete or (registration.person_id, key) in sent_before:
                    continue
                notification = notify(
                    message=messages.READING_REMINDER,
                    recipient=registration.person,
                    key=key,
                    context={
                        "reading": reading,
                        "session": session,
                        "progress": state,
                        "days": (session.date - today).days,
                        "url": absolute_url(reverse("feedback:reading", args=[registration.pk, reading.pk])),
                    },
                    sender=cohort_sender(session.cohort, senders),
                )
                sent += notification is not None
    return sent
