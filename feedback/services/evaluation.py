"""Publishing evaluation forms and taking participants' evaluations (issue #6 point 4).

Publishing freezes the form's questions as a new version; a response keeps the version it
answered. Each participant evaluates each day once (`EvaluationReceipt`, unique); an anonymous
form's response carries no link to them (see `feedback.models.evaluation`).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from wagtail.log_actions import log

from core.models import User
from events.models import Registration, Session
from events.services.locking import today
from feedback.access import delivering_trainers
from feedback.integrations import participant_feedback_forget
from feedback.models import (
    AttendanceStatus,
    EvaluationAnswer,
    EvaluationForm,
    EvaluationFormVersion,
    EvaluationQuestion,
    EvaluationReceipt,
    EvaluationResponse,
)
from feedback.rules import current_feedback_rules
from feedback.selectors.evaluation import answer_field, evaluation_form_for
from feedback.selectors.register import register_registrations


@transaction.atomic
def evaluation_form_publish(*, form: EvaluationForm, actor: User) -> EvaluationFormVersion:
    definition = form.definition()
    if not definition["questions"]:
        raise ValidationError("Add at least one question before publishing.", code="no_questions")
    if not form.has_unpublished_changes:
        raise ValidationError("Nothing has changed since the last version.", code="nothing_to_publish")
    number = (form.versions.aggregate(latest=Max("number"))["latest"] or 0) + 1
    version = EvaluationFormVersion.objects.create(form=form, number=number, definition=definition)
    form.current_version = version
    form.save(update_fields=["current_version"])
    log(instance=form, action="feedback.evaluation_form.publish", user=actor, data={"version": number})
    return version


def evaluation_window(session: Session, rules) -> tuple[datetime.date, datetime.date]:
    """From the end of the day itself until the rules' number of days after it (000:L2723)."""
    return session.date, rules.evaluation_closes(session.date)


def _score(number: int, points: int) -> tuple[float, bool]:
    """0–100 across the scale; positive = one of the top two answers (agree, strongly agree), as the KIP
    form's results were read (004:L572–577), or the top one on a scale of three or fewer."""
    positive = number >= points - 1 if points >= 4 else number == points
    return 100 * (number - 1) / (points - 1), positive


def _answers(version: EvaluationFormVersion, raw: dict[str, str], trainers: list[User]) -> list[EvaluationAnswer]:
    answers, missing = [], {}
    for question in version.questions:
        for trainer in trainers if question["topic"] == "trainer" else [None]:
            value = (raw.get(answer_field(question["key"], trainer)) or "").strip()
            if not value:
                if question["required"]:
                    missing[answer_field(question["key"], trainer)] = ValidationError(
                        f"Answer the question: {question['text']}" + (f" ({trainer})" if trainer else ""),
                        code="answers_required",
                    )
                continue
            answer = EvaluationAnswer(question_key=question["key"], topic=question["topic"], trainer=trainer)
            if question["kind"] == EvaluationQuestion.Kind.SCALE:
                points = len(question["labels"])
                if not value.isdigit() or not 1 <= int(value) <= points:
                    raise ValidationError("Choose one of the answers given.", code="invalid_answer")
                answer.number = int(value)
                answer.score, answer.positive = _score(answer.number, points)
            elif question["kind"] == EvaluationQuestion.Kind.YES_NO:
                if value not in ("yes", "no"):
                    raise ValidationError("Answer yes or no.", code="invalid_answer")
                answer.score, answer.positive = (100.0, True) if value == "yes" else (0.0, False)
            else:
                answer.text = value[:5000]
            answers.append(answer)
    if missing:
        # Keyed by the form's field names, so each message sits by its own question (issue #23.3).
        raise ValidationError(missing)
    return answers


def can_evaluate(registration: Registration, session: Session) -> bool:
    """On the day's register and not marked absent."""
    if not register_registrations(session).filter(pk=registration.pk).exists():
        return False
    return not registration.attendance.filter(session=session, status=AttendanceStatus.ABSENT).exists()


@transaction.atomic
def evaluation_submit(
    *, registration: Registration, session: Session, answers: dict[str, str], actor: User
) -> EvaluationReceipt:
    if actor.pk != registration.person_id:
        raise ValidationError("Only you can evaluate your own course day.", code="not_yours")
    if not can_evaluate(registration, session):
        raise ValidationError("Only people who came to this day evaluate it.", code="not_attended")
    opens, closes = evaluation_window(session, current_feedback_rules())
    if not opens <= today() <= closes:
        raise ValidationError("This day's evaluation is not open.", code="not_open")
    form = evaluation_form_for(session)
    if form is None:
        raise ValidationError("There is no evaluation form for this day.", code="no_form")
    if EvaluationReceipt.objects.filter(session=session, registration=registration).exists():
        raise ValidationError("You have already evaluated this day. Thank you.", code="already_submitted")
    version = form.current_version
    trainers = delivering_trainers(session.cohort)
    rows = _answers(version, answers, trainers)
    receipt = EvaluationReceipt.objects.create(session=session, registration=registration, submitted_on=today())
    response = EvaluationResponse.objects.create(
        session=session,
        version=version,
        registration=None if version.is_anonymous else registration,
        submitted_on=today(),
    )
    for row in rows:
        row.response = response
    EvaluationAnswer.objects.bulk_create(rows)
    log(instance=receipt, action="feedback.evaluation.submit", user=actor, data={"session": session.pk})
    # After the commit, so a page read in between cannot keep the results without this evaluation.
    transaction.on_commit(lambda: participant_feedback_forget([trainer.pk for trainer in trainers]))
    return receipt
