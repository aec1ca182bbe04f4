"""Questions not answered on the day: escalated with a status, the answer fed back (000:L2715–2721)."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from core.models import Notification
from core.roles import Role
from feedback import messages
from feedback.models import OpenQuestion
from feedback.services.questions import question_answer, question_escalate, question_record


@pytest.fixture
def question(day1, trainer):
    return question_record(session=day1, text="Who pays for respite care?", actor=trainer)


def told(message, person=None):
    notifications = Notification.objects.filter(message=message)
    return notifications.filter(recipient=person) if person else notifications


def test_escalating_to_the_central_team_tells_programme_admins(question, trainer, programme_admin, facilitator):
    question_escalate(question=question, to="central", note="By email to Jo", actor=trainer)

    question.refresh_from_db()
    assert question.status == OpenQuestion.Status.ESCALATED and question.escalated_at
    assert told(messages.QUESTION_ESCALATED, programme_admin).count() == 1
    assert not told(messages.QUESTION_ESCALATED, facilitator).exists()
    assert ModelLogEntry.objects.get(action="feedback.question.escalate").data == {"to": "central"}


def test_escalating_to_local_managers_tells_the_regions_facilitators(question, trainer, facilitator, programme_admin):
    question_escalate(question=question, to="local", note="", actor=trainer)

    assert told(messages.QUESTION_ESCALATED, facilitator).count() == 1
    assert not told(messages.QUESTION_ESCALATED, programme_admin).exists()


def test_the_answer_goes_to_every_participant_once(question, registration, enrol, trainer, facilitator, cohort):
    others = [enrol(), enrol()]
    cancelled = enrol(status="cancelled")
    question_escalate(question=question, to="local", note="", actor=trainer)

    question_answer(question=question, answer="The local authority, through the local offer.", actor=facilitator)

    question.refresh_from_db()
    assert question.status == OpenQuestion.Status.ANSWERED and question.participants_told == 3
    recipients = set(told(messages.QUESTION_ANSWERED).values_list("recipient", flat=True))
    assert recipients == {registration.person_id, *[o.person_id for o in others]}
    assert cancelled.person_id not in recipients
    assert "local offer" in told(messages.QUESTION_ANSWERED, registration.person).get().body_text
    entry = ModelLogEntry.objects.get(action="feedback.question.answer")
    assert entry.user == facilitator and entry.data == {"told": 3}

    with pytest.raises(ValidationError) as again:
        question_answer(question=question, answer="Another answer", actor=trainer)
    assert again.value.code == "already_answered"
    assert told(messages.QUESTION_ANSWERED).count() == 3


def test_a_question_can_be_answered_without_escalating(question, registration, trainer):
    question_answer(question=question, answer="We found it at lunchtime.", actor=trainer)

    assert told(messages.QUESTION_ANSWERED, registration.person).count() == 1


@pytest.mark.parametrize(
    ("step", "code"),
    [
        ("escalate_twice", "wrong_status"),
        ("unknown_recipient", "unknown_recipient"),
        ("blank_answer", "answer_required"),
        ("shadow_answers", "not_on_team"),
    ],
)
def test_refusals_change_nothing(question, trainer, shadow, registration, step, code):
    if step == "escalate_twice":
        question_escalate(question=question, to="central", note="", actor=trainer)
    before = OpenQuestion.objects.values().get(pk=question.pk)
    action = {
        "escalate_twice": lambda: question_escalate(question=question, to="local", note="", actor=trainer),
        "unknown_recipient": lambda: question_escalate(question=question, to="the moon", note="", actor=trainer),
        "blank_answer": lambda: question_answer(question=question, answer="  ", actor=trainer),
        "shadow_answers": lambda: question_answer(question=question, answer="Yes", actor=shadow),
    }[step]

    with pytest.raises(ValidationError) as error:
        action()

    assert error.value.code == code
    assert OpenQuestion.objects.values().get(pk=question.pk) == before
    assert not told(messages.QUESTION_ANSWERED).exists()


def test_recording_needs_the_team_and_some_words(day1, trainer, make_user):
    with pytest.raises(ValidationError) as blank:
        question_record(session=day1, text=" ", actor=trainer)
    with pytest.raises(ValidationError) as outsider:
        question_record(session=day1, text="Why?", actor=make_user(Role.TRAINER))

    assert (blank.value.code, outsider.value.code) == ("text_required", "not_on_team")
    assert not OpenQuestion.objects.exists()
