"""Set-up for feedback's tests: a small programme with readings, cohorts, forms and the seeded RP1–RP5.

Set-up writes rows directly; the rules under test always go through the services.
"""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Page

from core.models import HomePage
from courses.models import CourseReading, KeyWorkingFunction, Principle, ReadingPage, SectionPage
from courses.tests import factories as course_factories
from events.models import Cohort, Registration, Session
from events.tests.factories import CohortFactory, SessionFactory
from feedback.bootstrap import ensure_questionnaires
from feedback.models import Attendance, EvaluationForm, EvaluationQuestion, Scale
from feedback.services.evaluation import evaluation_form_publish


class Silent:
    demo = False

    def step(self, message):
        pass

    notice = step


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_programme() -> dict:
    """Day 1 (two sections) with a pre-reading of two items and two questions; Day 2 KWiP with an
    interim reading of one item; the ten principles and functions A–J."""
    programme = course_factories.ProgrammePageFactory(parent=HomePage.objects.get())
    pre = course_factories.ReadingPageFactory(parent=programme, title="Pre-reading", kind=ReadingPage.Kind.PRE_READING)
    course_factories.ReadingItemFactory(reading=pre, title="Policy and legislation", sort_order=0)
    course_factories.ReadingItemFactory(reading=pre, title="An overview of Early Support", sort_order=1)
    course_factories.ReadingQuestionFactory(reading=pre, sort_order=0)
    course_factories.ReadingQuestionFactory(
        reading=pre, kind="reflection", prompt="What does key working mean to you?", choices=[], sort_order=1
    )
    interim = course_factories.ReadingPageFactory(parent=programme, title="Interim reading", kind="interim")
    course_factories.ReadingItemFactory(reading=interim, title="Communication skills")
    pages = {"pre": publish(pre), "interim": publish(interim)}
    for key, kind, variant, reading in [("day1", "day1", "", pre), ("kwip", "day2", "kwip", interim)]:
        course = course_factories.CoursePageFactory(parent=programme, title=f"Course {key}", kind=kind, variant=variant)
        CourseReading.objects.create(course=course, reading=reading)
        pages[key] = publish(course)
        for number in (1, 2):
            section = course_factories.SectionPageFactory(parent=course, number=number, planned_minutes=60, body=[])
            publish(section)
    for number in range(1, 11):
        Principle.objects.get_or_create(number=number, defaults={"text": f"Principle {number}"})
    for letter in "ABCDEFGHIJ":
        KeyWorkingFunction.objects.get_or_create(letter=letter, defaults={"text": f"Function {letter}"})
    return pages


def sections_of(course) -> list[SectionPage]:
    return list(SectionPage.objects.child_of(course).order_by("number"))


def make_cohort(programme: dict, *, days=(-10, -3), region=None, status=Cohort.Status.CONFIRMED, **fields) -> Cohort:
    extra = {"region": region} if region is not None else {}
    cohort = CohortFactory(status=status, **extra, **fields)
    for offset, key in zip(days, ["day1", "kwip"], strict=False):
        SessionFactory(cohort=cohort, course=programme[key], date=in_days(offset))
    return cohort


def day(cohort: Cohort, kind: str) -> Session:
    return cohort.sessions.select_related("course", "cohort").get(course__kind=kind)


def attend(registration: Registration, session: Session, status: str = "present") -> Attendance:
    return Attendance.objects.create(registration=registration, session=session, status=status)


class ScaleFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Agreement {n}")
    labels = "Strongly disagree\nDisagree\nNeither agree nor disagree\nAgree\nStrongly agree"

    class Meta:
        model = Scale


def evaluation_form(*, anonymous: bool = True, course_kind: str = "") -> EvaluationForm:
    """A published form: value (scale), each trainer (scale), worthwhile (yes/no), a comment."""
    scale = ScaleFactory()
    form = EvaluationForm(
        title="End of day evaluation",
        course_kind=course_kind,
        anonymous_to_trainers=anonymous,
        questions=[
            EvaluationQuestion(sort_order=0, topic="value", kind="scale", text="Today was of value.", scale=scale),
            EvaluationQuestion(sort_order=1, topic="trainer", kind="scale", text="Explained clearly.", scale=scale),
            EvaluationQuestion(sort_order=2, topic="worthwhile", kind="yes_no", text="Was it worthwhile?"),
            EvaluationQuestion(sort_order=3, topic="comments", kind="text", text="Anything else?", required=False),
        ],
    )
    form.save()
    evaluation_form_publish(form=form, actor=None)
    form.refresh_from_db()
    return form


def answers_for(form: EvaluationForm, trainers, *, value=4, trainer_value=4, worthwhile="yes", comment=""):
    """Raw answers as the evaluation form posts them."""
    keys = {question["topic"]: question["key"] for question in form.current_version.questions}
    answers = {keys["value"]: str(value), keys["worthwhile"]: worthwhile, keys["comments"]: comment}
    for trainer in trainers:
        answers[f"{keys['trainer']}-{trainer.pk}"] = str(trainer_value)
    return answers


def seed_questionnaires():
    ensure_questionnaires(Silent())


def error_codes(error) -> set[str]:
    """The codes of a ValidationError, whether one error or one per field."""
    if hasattr(error, "error_dict"):
        return {item.code for items in error.error_dict.values() for item in items}
    return {item.code for item in error.error_list}
