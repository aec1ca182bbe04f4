"""The page tree, and creating and editing course pages through the admin (issue #3)."""

import pytest
from django.urls import reverse
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.models import HomePage, StandardPage
from core.roles import Role
from courses.models import (
    CoursePage,
    ProgrammePage,
    ReadingItem,
    ReadingPage,
    ReadingQuestion,
    SectionPage,
    TrainerGuidePage,
)
from courses.tests import factories


def test_the_programme_lives_under_the_home_page_once(page_checks, programme):
    page_checks.assertAllowedParentPageTypes(ProgrammePage, {HomePage})
    page_checks.assertCanCreateAt(HomePage, ProgrammePage)
    page_checks.assertCanNotCreateAt(StandardPage, ProgrammePage)
    assert not ProgrammePage.can_create_at(programme.get_parent()), "one programme per site"


def test_what_can_live_under_what(page_checks):
    page_checks.assertAllowedSubpageTypes(ProgrammePage, {CoursePage, ReadingPage, TrainerGuidePage})
    page_checks.assertAllowedSubpageTypes(CoursePage, {SectionPage, TrainerGuidePage})
    for leaf in (SectionPage, ReadingPage, TrainerGuidePage):
        page_checks.assertAllowedSubpageTypes(leaf, set())
    page_checks.assertAllowedParentPageTypes(CoursePage, {ProgrammePage})
    page_checks.assertAllowedParentPageTypes(SectionPage, {CoursePage})
    page_checks.assertAllowedParentPageTypes(ReadingPage, {ProgrammePage})
    page_checks.assertAllowedParentPageTypes(TrainerGuidePage, {ProgrammePage, CoursePage})
    for page_type in (CoursePage, SectionPage, ReadingPage, TrainerGuidePage):
        page_checks.assertCanNotCreateAt(HomePage, page_type)
        page_checks.assertCanNotCreateAt(StandardPage, page_type)


def test_a_programme_admin_creates_a_course_with_outcomes_and_readings(page_checks, admin_client, programme):
    outcome = factories.LearningOutcomeFactory(text="Understand key working functions")
    reading = factories.ReadingPageFactory(parent=programme, title="Interim reading", kind="interim")

    page_checks.assertCanCreate(
        programme,
        CoursePage,
        nested_form_data(
            {
                "title": "Day 2 – Key Working in Practice",
                "kind": "day2",
                "variant": "kwip",
                "days": "1",
                "planned_minutes": "330",
                "summary": "The second day.",
                "who_is_it_for": rich_text("<p>Parent carers are welcome.</p>"),
                "preparation": rich_text(""),
                "outcome_links": inline_formset([{"outcome": outcome.pk}]),
                "reading_links": inline_formset([{"reading": reading.pk, "required": ""}]),
                "seed_reference": "000:L2505–2529",
            }
        ),
    )

    course = CoursePage.objects.get(slug="day-2-key-working-in-practice")
    assert (course.kind, course.variant, course.planned_minutes) == ("day2", "kwip", 330)
    assert [link.outcome for link in course.outcome_links.all()] == [outcome]
    assert [link.reading.specific for link in course.reading_links.all()] == [reading]
    assert course.live_revision_id == course.latest_revision_id


def activity_form(**overrides) -> dict:
    """The admin form's fields for one activity block, as the editor submits them."""
    return {
        "number": "2.2",
        "title": "What is key working",
        "flexibility": "adaptable",
        "aims": streamfield([("item", "To share experience of key working")]),
        "planned_minutes": "20",
        "grouping": "4 new groups",
        "group_count": "4",
        "prompt": rich_text("<p>What is key working?</p>"),
        "activity_sheets": streamfield([]),
        "slides": streamfield([]),
        "trainer_notes": rich_text("<p>Keep it short.</p>"),
        "seed_reference": "000:L7085",
        **overrides,
    }


def section_form(title: str, number: int, planned_minutes: int, activities: list[dict]) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "number": str(number),
            "planned_minutes": str(planned_minutes),
            "flexibility": "core",
            "is_key_working_content": "on",
            "summary": "What key working is.",
            "aims": rich_text(""),
            "body": streamfield([("activity", activity) for activity in activities]),
        }
    )


def test_a_programme_admin_creates_a_section_with_an_activity(page_checks, admin_client, course, slides):
    slide_list = streamfield([("item", str(slides.pk))])
    page_checks.assertCanCreate(
        course, SectionPage, section_form("Early Support and key working", 2, 60, [activity_form(slides=slide_list)])
    )

    section = SectionPage.objects.get(slug="early-support-and-key-working")
    activity = section.activities[0]
    assert (section.number, section.planned_minutes, section.is_key_working_content) == (2, 60, True)
    assert (activity["number"], activity["planned_minutes"], activity["group_count"]) == ("2.2", 20, 4)
    assert list(activity["slides"]) == [slides]
    assert activity["aims"][0] == "To share experience of key working"


def test_a_course_cannot_have_two_sections_with_the_same_number(page_checks, admin_client, course):
    factories.SectionPageFactory(parent=course, number=1)

    with pytest.raises(AssertionError, match="already has a section 1"):
        page_checks.assertCanCreate(
            course,
            SectionPage,
            nested_form_data(
                {
                    "title": "Another",
                    "number": "1",
                    "flexibility": "core",
                    "aims": rich_text(""),
                    "body": streamfield([]),
                }
            ),
        )


def test_a_programme_admin_creates_a_reading_with_items_and_questions(page_checks, admin_client, programme):
    page_checks.assertCanCreate(
        programme,
        ReadingPage,
        nested_form_data(
            {
                "title": "Pre-reading",
                "kind": "pre",
                "summary": "Reading before Day 1.",
                "intro": rich_text(""),
                "items": inline_formset(
                    [
                        {
                            "title": "Key areas of policy and legislation",
                            "summary": "",
                            "body": rich_text("<p>Read me.</p>"),
                        }
                    ]
                ),
                "questions": inline_formset(
                    [
                        {
                            "kind": "choice",
                            "prompt": "Which is a key working function?",
                            "choices": streamfield(
                                [
                                    (
                                        "choice",
                                        {
                                            "text": "Facilitating multi-agency meetings",
                                            "is_correct": "on",
                                            "feedback": "Yes.",
                                        },
                                    ),
                                    (
                                        "choice",
                                        {
                                            "text": "Making decisions for the family",
                                            "is_correct": "",
                                            "feedback": "No.",
                                        },
                                    ),
                                ]
                            ),
                        },
                        {"kind": "reflection", "prompt": "What will you do differently?", "choices": streamfield([])},
                    ]
                ),
            }
        ),
    )

    reading = ReadingPage.objects.get(slug="pre-reading")
    assert [item.title for item in reading.items.all()] == ["Key areas of policy and legislation"]
    assert [question.kind for question in reading.questions.all()] == ["choice", "reflection"]


def _reading_form(reading, item, question, answer_ids) -> dict:
    """The edit form as the admin submits it for a reading with one item and one question."""
    answers = [{"text": "Right", "is_correct": "on", "feedback": "Yes"}, {"text": "Wrong", "feedback": "No"}]
    choices = {
        str(index): {"type": "choice", "id": answer_id, "deleted": "", "order": str(index), "value": value}
        for index, (answer_id, value) in enumerate(zip(answer_ids, answers, strict=True))
    }
    choices["count"] = str(len(answer_ids))
    return nested_form_data(
        {
            "title": reading.title,
            "slug": reading.slug,
            "kind": reading.kind,
            "summary": "Edited summary.",
            "intro": rich_text(""),
            "items": inline_formset(
                [{"id": item.pk, "title": "Renamed item", "summary": "", "body": rich_text("<p>New.</p>")}], initial=1
            ),
            "questions": inline_formset(
                [{"id": question.pk, "kind": "choice", "prompt": "Edited?", "choices": choices}], initial=1
            ),
            "action-publish": "action-publish",
        }
    )


def test_editing_and_publishing_a_reading_keeps_its_items_and_questions_identities(admin_client, programme):
    """Reading progress (a later issue) points at these rows, so their keys must survive every edit."""
    reading = factories.ReadingPageFactory(parent=programme)
    item = factories.ReadingItemFactory(reading=reading)
    question = factories.ReadingQuestionFactory(reading=reading)
    answer_ids = [choice.id for choice in question.choices]
    edit_url = reverse("wagtailadmin_pages:edit", args=[reading.pk])

    for _ in range(2):
        response = admin_client.post(edit_url, _reading_form(reading, item, question, answer_ids))
        assert response.status_code == 302, response.context["form"].errors if response.context else response

    reading.refresh_from_db()
    assert reading.revisions.count() == 2
    assert [(i.pk, i.title) for i in ReadingItem.objects.filter(reading=reading)] == [(item.pk, "Renamed item")]
    assert list(ReadingQuestion.objects.filter(reading=reading).values_list("pk", flat=True)) == [question.pk]
    assert [choice.id for choice in ReadingQuestion.objects.get(pk=question.pk).choices] == answer_ids


def test_course_pages_are_editable_previewable_and_renderable(page_checks, make_user, course, section):
    admin = make_user(Role.PROGRAMME_ADMIN, mfa=True)
    programme_form = nested_form_data(
        {"title": "The course", "slug": "course", "intro": rich_text("<p>Hello.</p>"), "body": streamfield([])}
    )
    edit_section = section_form(section.title, section.number, 90, [activity_form()])

    for page, post_data in ((course.get_parent().specific, programme_form), (course, None), (section, edit_section)):
        page_checks.assertPageIsRenderable(page)
        page_checks.assertPageIsEditable(page, post_data=post_data, user=admin)
        page_checks.assertPageIsPreviewable(page, post_data=post_data, user=admin)


def test_an_item_added_and_published_keeps_its_identity_in_the_next_edit(admin_client, programme):
    reading = factories.ReadingPageFactory(parent=programme)
    item = factories.ReadingItemFactory(reading=reading)
    question = factories.ReadingQuestionFactory(reading=reading)
    answer_ids = [choice.id for choice in question.choices]
    edit_url = reverse("wagtailadmin_pages:edit", args=[reading.pk])
    data = _reading_form(reading, item, question, answer_ids)
    data.update(
        nested_form_data(
            {"items": {"TOTAL_FORMS": "2", "1": {"title": "A new item", "body": rich_text(""), "ORDER": "2"}}}
        )
    )

    assert admin_client.post(edit_url, data).status_code == 302

    new_item = ReadingItem.objects.get(reading=reading, title="A new item")
    form_html = admin_client.get(edit_url).content.decode()
    assert f'name="items-1-id" value="{new_item.pk}"' in form_html
