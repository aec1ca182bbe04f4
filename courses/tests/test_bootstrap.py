"""`manage.py bootstrap` loads the real programme from the seeds, once (issue #3, point 6)."""

import pytest
from django.apps import apps
from wagtail.models import BaseViewRestriction, Collection, Page, Revision

from core.models import HomePage
from courses import models
from courses.access import TRAINER_MATERIAL_ROLES


class RecordingOutput:
    demo = False

    def __init__(self):
        self.lines = []

    def step(self, message):
        self.lines.append(message)

    notice = step


def run_bootstrap() -> str:
    """Core's and courses' steps of `manage.py bootstrap`, without the apps that build on courses."""
    out = RecordingOutput()
    for label in ("core", "courses"):
        apps.get_app_config(label).bootstrap(out)
    return "\n".join(out.lines)


@pytest.fixture
def bootstrapped(db):
    run_bootstrap()


def _course(slug: str) -> models.CoursePage:
    return models.CoursePage.objects.get(slug=slug)


def _sections(slug: str) -> list[models.SectionPage]:
    return list(models.SectionPage.objects.child_of(_course(slug)))


def test_day_1_has_its_six_sections_in_order(bootstrapped):
    sections = _sections("day-1")

    assert [section.number for section in sections] == [1, 2, 3, 4, 5, 6]
    assert sections[1].title == "The Early Support principles"
    assert sections[5].title.startswith("Working together to improve outcomes")
    assert all(section.seed_reference.startswith("000:L23") for section in sections)
    assert not any(section.is_placeholder for section in sections)


def test_day_2_key_working_in_practice_has_seven_sections_and_activity_2_2(bootstrapped):
    sections = _sections("day-2-key-working-in-practice")

    assert len(sections) == 7
    assert sections[6].title == "Management and supervision considerations"
    assert [section.number for section in sections if section.is_key_working_content] == [2, 3]
    activity = sections[1].activities[0]
    assert (activity["number"], activity["title"]) == ("2.2", "What is key working")
    assert activity["planned_minutes"] == 20
    assert activity["group_count"] == 4
    assert len(activity["aims"]) == 2
    assert activity["seed_reference"] == "000:L7085–7096"
    assert "Draft" in activity["trainer_notes"].source


def test_every_day_1_and_day_2_section_and_reading_has_a_summary_to_review(bootstrapped):
    sections = _sections("day-1") + _sections("day-2-key-working-in-practice")

    assert all(section.summary and not section.summary.startswith("Draft") for section in sections)
    assert not any(section.summary_reviewed for section in sections)
    readings = models.ReadingPage.objects.all()
    assert readings and all(reading.summary and not reading.summary_reviewed for reading in readings)


def test_day_2_working_in_partnership_has_only_marked_draft_sections(bootstrapped):
    sections = _sections("day-2-working-in-partnership")

    assert sections
    assert all(section.is_placeholder and "Draft" in section.title for section in sections)


def test_courses_know_their_kind_version_length_outcomes_and_readings(bootstrapped):
    day1, kwip, wip, t4t = (
        _course(slug)
        for slug in ("day-1", "day-2-key-working-in-practice", "day-2-working-in-partnership", "training-for-trainers")
    )

    assert [(c.kind, c.variant) for c in (day1, kwip, wip, t4t)] == [
        ("day1", ""),
        ("day2", "kwip"),
        ("day2", "wip"),
        ("t4t", ""),
    ]
    assert {c.planned_minutes for c in (day1, kwip, wip, t4t)} == {330}
    assert t4t.days == 2
    assert day1.outcome_links.count() == 6
    assert [link.outcome.programme for link in t4t.outcome_links.all()] == ["t4t"] * 3
    assert [link.reading.specific.kind for link in day1.reading_links.all()] == ["pre"]
    assert [link.reading.specific.kind for link in kwip.reading_links.all()] == ["interim"]
    t4t_reading = t4t.reading_links.get()
    assert (t4t_reading.reading.specific.kind, t4t_reading.required) == ("t4t", True)
    assert "Section 5" in t4t.preparation and "Section 6" in t4t.preparation
    assert all(course.live_revision_id for course in (day1, kwip, wip, t4t))


def test_readings_have_items_and_both_kinds_of_question_marked_as_drafts(bootstrapped):
    pre = models.ReadingPage.objects.get(kind="pre")
    t4t = models.ReadingPage.objects.get(kind="t4t")

    assert [item.title for item in pre.items.all()] == [
        "Key areas of policy and legislation",
        "An overview of Early Support and key working",
        "An introduction to Early Support resources",
    ]
    assert all(item.is_placeholder for item in pre.items.all())
    assert sorted(q.kind for q in pre.questions.all()) == ["choice", "reflection"]
    assert all(q.is_placeholder for q in pre.questions.all())
    assert [item.page.slug for item in t4t.items.all()] == ["introduction-for-trainers", "trainers-guide"]


def test_reference_snippets_are_loaded_with_revisions_and_seed_references(bootstrapped):
    assert models.Principle.objects.count() == 10
    assert models.LearningOutcome.objects.filter(programme="course").count() == 6
    assert models.LearningOutcome.objects.filter(programme="t4t").count() == 3
    assert models.KeyWorkingFunctionArea.objects.count() == 4
    assert "".join(models.KeyWorkingFunction.objects.values_list("letter", flat=True)) == "ABCDEFGHIJ"
    assert {"Our family", "My life", "Early Support App", "Film materials"} <= set(
        models.Resource.objects.values_list("name", flat=True)
    )
    assert models.PersonSpecificationCriterion.objects.filter(applies_to="trainer").count() == 10
    assert models.PersonSpecificationCriterion.objects.filter(applies_to="lead").count() == 2
    assert models.GlossaryTerm.objects.filter(term="Key working", is_placeholder=False).exists()
    for model in (models.Principle, models.KeyWorkingFunction, models.PersonSpecificationCriterion):
        for snippet in model.objects.all():
            assert snippet.seed_reference.startswith("000:L"), snippet
            assert snippet.latest_revision_id is not None, snippet


def test_trainer_pages_and_the_trainer_collection_are_set_up(bootstrapped):
    introduction = models.TrainerGuidePage.objects.get(slug="introduction-for-trainers")
    assert introduction.read_before_every_delivery
    assert models.TrainerGuidePage.objects.filter(slug="trainers-guide").count() == 2
    collection = Collection.objects.get(name="Trainer materials")
    restriction = collection.get_view_restrictions().get()
    assert restriction.restriction_type == BaseViewRestriction.GROUPS
    assert set(restriction.groups.values_list("name", flat=True)) == {role.value for role in TRAINER_MATERIAL_ROLES}


def test_the_home_page_links_to_the_programme(bootstrapped, client):
    programme = models.ProgrammePage.objects.get()

    html = client.get("/").content.decode()

    assert f'href="{programme.url}"' in html
    assert HomePage.objects.get().live_revision_id is not None


def test_every_course_renders_with_its_written_sections_and_says_when_more_are_coming(bootstrapped, client):
    for course in models.CoursePage.objects.all():
        html = client.get(course.url).content.decode()
        sections = models.SectionPage.objects.child_of(course)
        for section in sections:
            assert (section.title in html) is not section.is_placeholder
            assert client.get(section.url).status_code == 200
        if any(section.is_placeholder for section in sections):
            assert "being written" in html


def _snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "collections": Collection.objects.count(),
        "items": models.ReadingItem.objects.count(),
        "questions": models.ReadingQuestion.objects.count(),
        **{model.__name__: model.objects.count() for model in (models.Principle, models.GlossaryTerm, models.Resource)},
    }


def test_running_bootstrap_again_creates_nothing(db):
    run_bootstrap()
    before = _snapshot()

    output = run_bootstrap()

    assert _snapshot() == before
    assert "0 new pages" in output and "0 new snippets" in output


def test_bootstrap_leaves_editors_changes_alone(db):
    run_bootstrap()
    section = models.SectionPage.objects.get(slug="section-2", title="The Early Support principles")
    section.planned_minutes = 50
    section.save_revision().publish()
    models.Principle.objects.filter(number=7).update(text="Edited by the central team")

    run_bootstrap()

    section.refresh_from_db()
    assert section.planned_minutes == 50
    assert models.Principle.objects.get(number=7).text == "Edited by the central team"
