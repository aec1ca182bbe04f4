"""Reading progress saved per item and per answer, with a progress bar (issue #6 point 1, 000:L898–904)."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from core.roles import Role
from courses.tests import factories as course_factories
from feedback.models import ReadingAnswer, ReadingItemProgress
from feedback.selectors.readings import cohort_reading_completion, reading_page_state
from feedback.services.readings import reading_progress_save
from feedback.tests.factories import publish


def save(registration, reading, *, items=(), answers=None, actor=None):
    return reading_progress_save(
        person=registration.person,
        registration=registration,
        reading=reading,
        read_item_ids=set(items),
        answers=answers or {},
        actor=actor or registration.person,
    )


def test_items_and_answers_are_saved_and_the_progress_counts_both(programme, registration):
    pre = programme["pre"]
    item = pre.items.first()
    choice_question, reflection = pre.questions.order_by("sort_order")
    right = next(block for block in choice_question.choices if block.value["is_correct"])

    state = save(registration, pre, items=[item.pk], answers={choice_question.pk: right.id})

    assert state["progress"].steps_done == 2 and state["progress"].steps_total == 4
    assert state["progress"].percent == 50
    answer = ReadingAnswer.objects.get(person=registration.person, question=choice_question)
    assert answer.is_correct is True and answer.chosen()["feedback"] == "Yes."
    entry = ModelLogEntry.objects.get(action="feedback.reading.save")
    assert entry.user == registration.person and entry.data["percent"] == 50

    state = save(
        registration,
        pre,
        items=[i.pk for i in pre.items.all()],
        answers={choice_question.pk: right.id, reflection.pk: "Being one point of contact."},
    )

    assert state["progress"].is_complete and state["progress"].percent == 100


def test_unticking_an_item_and_blanking_an_answer_undo_them(programme, registration):
    pre = programme["pre"]
    reflection = pre.questions.get(kind="reflection")
    save(registration, pre, items=[pre.items.first().pk], answers={reflection.pk: "A first thought."})

    state = save(registration, pre, items=[], answers={reflection.pk: "  "})

    assert state["progress"].steps_done == 0
    assert not ReadingItemProgress.objects.exists() and not ReadingAnswer.objects.exists()


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ("someone_else", "not_yours"),
        ("unknown_choice", "unknown_choice"),
        ("other_reading_item", "unknown_item"),
        ("reading_not_on_course", "not_your_reading"),
    ],
)
def test_refusals_write_nothing(programme, registration, make_user, change, code):
    pre, interim = programme["pre"], programme["interim"]
    question = pre.questions.get(kind="choice")
    kwargs = {"items": [pre.items.first().pk], "answers": {question.pk: "not-a-block-id"}}
    reading = pre
    if change == "someone_else":
        kwargs = {"items": [pre.items.first().pk], "actor": make_user()}
    elif change == "other_reading_item":
        kwargs = {"items": [interim.items.first().pk]}
    elif change == "reading_not_on_course":
        registration.cohort.sessions.filter(course__kind="day2").delete()
        reading, kwargs = interim, {"items": [interim.items.first().pk]}

    with pytest.raises(ValidationError) as error:
        save(registration, reading, **kwargs)

    assert error.value.code == code
    assert not ReadingItemProgress.objects.exists() and not ReadingAnswer.objects.exists()
    assert not ModelLogEntry.objects.filter(action="feedback.reading.save").exists()


def test_progress_belongs_to_the_person_not_to_anyone_else(programme, registration, enrol):
    other = enrol()
    save(registration, programme["pre"], items=[programme["pre"].items.first().pk])

    assert reading_page_state(other.person, programme["pre"])["progress"].steps_done == 0


def test_trainers_see_each_participants_completion(programme, cohort, registration, enrol):
    pre = programme["pre"]
    enrol()
    save(registration, pre, items=[item.pk for item in pre.items.all()])

    readings, rows = cohort_reading_completion(cohort)

    assert [reading.title for reading in readings] == ["Pre-reading", "Interim reading"]
    progress = {row.registration.pk: dict((r.pk, p) for r, p in row.progress) for row in rows}
    assert progress[registration.pk][pre.pk].percent == 50
    assert [p[pre.pk].percent for pk, p in progress.items() if pk != registration.pk] == [0]


def test_someone_accepted_as_a_trainer_does_the_t4t_pre_reading_without_a_place(programme, make_user, participant):
    t4t = course_factories.ReadingPageFactory(parent=programme["pre"].get_parent(), title="T4T reading", kind="t4t")
    item = course_factories.ReadingItemFactory(reading=t4t)
    publish(t4t)
    candidate = make_user(Role.TRAINER)

    state = reading_progress_save(person=candidate, reading=t4t, read_item_ids={item.pk}, answers={}, actor=candidate)

    assert state["progress"].is_complete
    assert ModelLogEntry.objects.get(action="feedback.reading.save").object_id == str(candidate.pk)
    with pytest.raises(ValidationError) as error:
        reading_progress_save(person=participant, reading=t4t, read_item_ids=set(), answers={}, actor=participant)
    assert error.value.code == "not_your_reading"
    with pytest.raises(ValidationError) as pre:
        reading_progress_save(
            person=candidate, reading=programme["pre"], read_item_ids=set(), answers={}, actor=candidate
        )
    assert pre.value.code == "not_your_reading"
