"""Export and erasure of what the participant's course holds about a person (DOMAIN.md §9)."""

import datetime

import pytest
from freezegun import freeze_time

from core.privacy.services import person_erase, personal_data_export
from core.roles import Role
from feedback.models import (
    Attendance,
    EvaluationAnswer,
    EvaluationResponse,
    Questionnaire,
    QuestionnaireEntry,
    ReadingItemProgress,
)
from feedback.services.evaluation import evaluation_submit
from feedback.services.questionnaires import questionnaire_entry_save
from feedback.services.readings import reading_progress_save
from feedback.tests.factories import answers_for, attend, evaluation_form


@pytest.fixture
def history(questionnaires, registration, programme, day2, trainer):
    attend(registration, day2)
    Attendance.objects.filter(registration=registration).update(note="Left at 2")
    reading_progress_save(
        person=registration.person,
        registration=registration,
        reading=programme["pre"],
        read_item_ids={programme["pre"].items.first().pk},
        answers={},
        actor=registration.person,
    )
    named = evaluation_form(anonymous=False)
    with freeze_time(day2.date):
        evaluation_submit(
            registration=registration,
            session=day2,
            answers=answers_for(named, [trainer], comment="Mine"),
            actor=registration.person,
        )
    with freeze_time(day2.date + datetime.timedelta(days=8)):
        questionnaire_entry_save(
            registration=registration,
            questionnaire=Questionnaire.objects.get(kind="reflection", number=1),
            answers={"love": "A family I support"},
            actor=registration.person,
            submit=False,
        )
    return registration


def test_the_export_holds_the_persons_course_records(history):
    export = personal_data_export(person=history.person)

    assert export["Your reflective practice and follow-up answers"][0]["answers"] == {"love": "A family I support"}
    assert len(export["Readings you read"]) == 1 and export["Your attendance"][0]["status"] == "present"


def test_erasure_deletes_reflections_and_reading_and_unlinks_evaluations(history, make_user, trainer):
    person_erase(person=history.person, actor=make_user(Role.PROGRAMME_ADMIN), reason="Asked in writing")

    assert not QuestionnaireEntry.objects.exists() and not ReadingItemProgress.objects.exists()
    assert Attendance.objects.get().note == ""
    assert EvaluationResponse.objects.get().registration is None
    assert EvaluationAnswer.objects.filter(trainer=trainer).exists()
