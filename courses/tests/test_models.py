"""Rules the course models keep on their own: kinds and versions, questions, activities, revisions."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.blocks import StructBlockValidationError

from courses.blocks import ActivityBlock
from courses.models import DAY_MINUTES, CoursePage, Flexibility, ReadingQuestion
from courses.templatetags.courses_tags import activity_anchor, duration, flexibility_label
from courses.tests import factories


def test_a_course_day_is_five_and_a_half_hours_unless_changed(programme):
    course = factories.CoursePageFactory(parent=programme)

    assert course.planned_minutes == DAY_MINUTES == 330
    assert duration(course.planned_minutes) == "5½ hours"


@pytest.mark.parametrize(
    ("kind", "variant", "error"),
    [
        ("day2", "", "Choose which version of Day 2 this is."),
        ("day1", "kwip", "Only Day 2 has versions."),
        ("t4t", "wip", "Only Day 2 has versions."),
    ],
)
def test_only_day_2_has_a_version(programme, kind, variant, error):
    course = CoursePage(title="A course", slug="a-course", kind=kind, variant=variant, summary="x")

    with pytest.raises(ValidationError) as caught:
        course.full_clean(exclude=["path", "depth"])

    assert error in caught.value.message_dict["variant"]


def test_the_database_refuses_a_day_2_without_a_version(programme):
    course = factories.CoursePageFactory(parent=programme, kind="day1")

    with pytest.raises(IntegrityError), transaction.atomic():
        CoursePage.objects.filter(pk=course.pk).update(kind="day2")


def test_a_multiple_choice_question_needs_two_answers_and_a_right_one(programme):
    reading = factories.ReadingPageFactory(parent=programme)
    question = ReadingQuestion(reading=reading, kind=ReadingQuestion.Kind.MULTIPLE_CHOICE, prompt="Which?")

    question.choices = [{"type": "choice", "value": {"text": "Only one", "is_correct": True, "feedback": ""}}]
    with pytest.raises(ValidationError, match="at least two answers"):
        question.clean()

    question.choices = [
        {"type": "choice", "value": {"text": "One", "is_correct": False, "feedback": ""}},
        {"type": "choice", "value": {"text": "Two", "is_correct": False, "feedback": ""}},
    ]
    with pytest.raises(ValidationError, match="as correct"):
        question.clean()

    question.choices[1].value["is_correct"] = True
    question.clean()


def test_a_reflection_question_has_no_answers_to_choose(programme):
    reading = factories.ReadingPageFactory(parent=programme)
    question = ReadingQuestion(reading=reading, kind=ReadingQuestion.Kind.REFLECTION, prompt="What did you learn?")
    question.clean()

    question.choices = [{"type": "choice", "value": {"text": "A", "is_correct": True, "feedback": ""}}]
    with pytest.raises(ValidationError, match="no answers"):
        question.clean()


def _activity_value(**overrides):
    block = ActivityBlock()
    return block.to_python(factories.activity(**overrides)["value"])


def test_slides_must_be_trainer_material(activity_sheet, trainer_collection):
    block = ActivityBlock()

    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(_activity_value(slides=[activity_sheet.pk]))

    assert "slides" in caught.value.block_errors


def test_activity_sheets_must_be_open_to_participants(slides):
    block = ActivityBlock()

    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(_activity_value(activity_sheets=[slides.pk]))

    assert "activity_sheets" in caught.value.block_errors


def test_an_activity_number_is_section_dot_activity(db):
    block = ActivityBlock()

    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(_activity_value(number="two"))

    assert "number" in caught.value.block_errors
    assert block.clean(_activity_value(number="12.3"))["number"] == "12.3"


def test_trainer_notes_and_slides_are_left_out_of_the_search_index(slides):
    content = ActivityBlock().get_searchable_content(
        _activity_value(trainer_notes="<p>Secret advice</p>", slides=[slides.pk])
    )

    assert "What is key working" in content
    assert not any("Secret advice" in text for text in content)
    assert not any("slides" in text.lower() for text in content)


def test_a_published_course_exposes_the_revision_it_was_published_from(programme):
    course = factories.CoursePageFactory(parent=programme)
    first = course.save_revision()
    first.publish()
    course.refresh_from_db()
    assert course.live_revision_id == first.pk

    course.planned_minutes = 300
    draft = course.save_revision()
    course.refresh_from_db()
    assert course.live_revision_id == first.pk, "a draft does not change what is live"

    draft.publish()
    course.refresh_from_db()
    assert course.live_revision_id == draft.pk
    assert course.revisions.count() == 2


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(None, ""), (20, "20 minutes"), (60, "1 hour"), (90, "1½ hours"), (135, "2 hours 15 minutes"), (330, "5½ hours")],
)
def test_durations_read_as_plain_english(minutes, text):
    assert duration(minutes) == text


def test_activities_have_a_fragment_id_from_their_number():
    assert activity_anchor("2.2") == "activity-2-2"


def test_sections_and_activities_describe_their_flexibility_in_the_same_words():
    assert flexibility_label("core") == Flexibility.CORE.label
    assert flexibility_label("adaptable") == "Adaptable: trainers may change it for the group"
