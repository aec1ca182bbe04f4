"""Questions the trainers could not answer on the day (issue #6 point 3, 000:L2715–2721).

"Questions participants raise that might not be definitively answered, should be gathered … and
explored among local strategic managers and planners and/or the CEST or Department for Education …
These should be fed back to participants after the training." Escalating tells whoever can find
the answer (the region's facilitators, who work with local managers; or the central team, who
reach the DfE); answering feeds the answer back to every participant of the cohort by email.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from core.models import User
from core.notifications import notify
from core.roles import Role
from events.models import Session
from events.services.messaging import absolute_url, cohort_sender
from feedback import messages
from feedback.access import require_recorder
from feedback.models import OpenQuestion
from feedback.selectors.participants import cohort_participants


@transaction.atomic
def question_record(*, session: Session, text: str, actor: User) -> OpenQuestion:
    require_recorder(actor, session.cohort)
    if not text.strip():
        raise ValidationError("Write the question.", code="text_required")
    question = OpenQuestion(session=session, text=text.strip())
    question.full_clean()
    question.save()
    log(instance=question, action="feedback.question.record", user=actor, data={"session": session.pk})
    return question


def _escalation_recipients(question: OpenQuestion, to: str):
    if to == OpenQuestion.EscalatedTo.LOCAL_MANAGERS:
        return User.objects.facilitators_of(question.session.cohort.region_id)
    return User.objects.with_role(Role.PROGRAMME_ADMIN).filter(is_active=True)


@transaction.atomic
def question_escalate(*, question: OpenQuestion, to: str, note: str, actor: User) -> OpenQuestion:
    require_recorder(actor, question.session.cohort)
    if question.status != OpenQuestion.Status.OPEN:
        raise ValidationError("This question has already been escalated or answered.", code="wrong_status")
    if to not in OpenQuestion.EscalatedTo.values:
        raise ValidationError("Choose who to ask.", code="unknown_recipient")
    question.status = OpenQuestion.Status.ESCALATED
    question.escalated_to, question.escalation_note = to, note.strip()
    question.escalated_at = timezone.now()
    question.full_clean()
    question.save()
    log(instance=question, action="feedback.question.escalate", user=actor, data={"to": to})
    url = absolute_url(reverse("feedback_questions:answer", args=[question.pk]))
    sender = cohort_sender(question.session.cohort)
    for recipient in _escalation_recipients(question, to):
        notify(
            message=messages.QUESTION_ESCALATED,
            recipient=recipient,
            key=f"question-{question.pk}",
            context={"question": question, "cohort": question.session.cohort, "url": url},
            sender=sender,
        )
    return question


@transaction.atomic
def question_answer(*, question: OpenQuestion, answer: str, actor: User) -> OpenQuestion:
    """Record the answer and send it to each of the cohort's participants, once."""
    session = question.session
    require_recorder(actor, session.cohort)
    if question.status == OpenQuestion.Status.ANSWERED:
        raise ValidationError("This question has already been answered.", code="already_answered")
    if not answer.strip():
        raise ValidationError("Write the answer.", code="answer_required")
    participants = list(cohort_participants(session).select_related("person"))
    question.status = OpenQuestion.Status.ANSWERED
    question.answer, question.answered_at = answer.strip(), timezone.now()
    question.participants_told = len(participants)
    question.full_clean()
    question.save()
    log(instance=question, action="feedback.question.answer", user=actor, data={"told": len(participants)})
    sender = cohort_sender(session.cohort)
    for registration in participants:
        notify(
            message=messages.QUESTION_ANSWERED,
            recipient=registration.person,
            key=f"question-{question.pk}",
            context={
                "question": question,
                "cohort": session.cohort,
                "url": absolute_url(reverse("feedback:course", args=[registration.pk])),
            },
            sender=sender,
        )
    return question
