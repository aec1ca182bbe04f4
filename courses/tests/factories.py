"""Factories for course pages, readings, reference snippets and documents."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Collection

from courses.models import (
    CoursePage,
    LearningOutcome,
    Principle,
    ProgrammePage,
    ReadingItem,
    ReadingPage,
    ReadingQuestion,
    SectionPage,
    TrainerGuidePage,
)


def activity(**overrides) -> dict:
    """Raw StreamField data for one activity block, as bootstrap and editors store it."""
    value = {
        "number": "2.2",
        "title": "What is key working",
        "flexibility": "adaptable",
        "aims": ["To share what participants know about key working"],
        "planned_minutes": 20,
        "grouping": "4 new groups",
        "group_count": 4,
        "prompt": "<p>What is key working?</p>",
        "activity_sheets": [],
        "slides": [],
        "trainer_notes": "<p>Keep the groups small.</p>",
        "seed_reference": "000:L7085",
        **overrides,
    }
    return {"type": "activity", "value": value}


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = "The course"
    slug = "course"

    class Meta:
        model = ProgrammePage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Course {n}")
    slug = factory.Sequence(lambda n: f"course-{n}")
    kind = CoursePage.Kind.DAY1
    variant = CoursePage.Variant.SHARED
    summary = "A day of learning."

    class Meta:
        model = CoursePage


class SectionPageFactory(wagtail_factories.PageFactory):
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Section title {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")
    planned_minutes = 45
    body = factory.LazyFunction(lambda: [activity()])

    class Meta:
        model = SectionPage


class ReadingPageFactory(wagtail_factories.PageFactory):
    title = "Pre-reading"
    slug = factory.Sequence(lambda n: f"reading-{n}")
    kind = ReadingPage.Kind.PRE_READING
    summary = "Reading before Day 1."

    class Meta:
        model = ReadingPage


class TrainerGuidePageFactory(wagtail_factories.PageFactory):
    title = "Introduction for Trainers"
    slug = factory.Sequence(lambda n: f"guide-{n}")
    summary = "Only for trainers."

    class Meta:
        model = TrainerGuidePage


class ReadingItemFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Reading item {n}")
    body = "<p>Something to read.</p>"

    class Meta:
        model = ReadingItem


class ReadingQuestionFactory(DjangoModelFactory):
    kind = ReadingQuestion.Kind.MULTIPLE_CHOICE
    prompt = "Which of these is a key working function?"
    choices = factory.LazyFunction(
        lambda: [
            {
                "type": "choice",
                "value": {"text": "Facilitating multi-agency meetings", "is_correct": True, "feedback": "Yes."},
            },
            {"type": "choice", "value": {"text": "Writing the EHC plan alone", "is_correct": False, "feedback": "No."}},
        ]
    )

    class Meta:
        model = ReadingQuestion


class LearningOutcomeFactory(DjangoModelFactory):
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Outcome {n}")

    class Meta:
        model = LearningOutcome


class PrincipleFactory(DjangoModelFactory):
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Principle {n}")

    class Meta:
        model = Principle


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename="material.pdf", data=b"%PDF-1.4 course material")
    collection = factory.LazyFunction(Collection.get_first_root_node)
