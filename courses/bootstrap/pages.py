"""Build the programme's page tree and link it from the home page.

A page that already exists is left exactly as editors made it, children included: the seeds give
the starting point, the central team owns the content afterwards. Every page is published through a
revision so its history starts with what the seeds said.
"""

from wagtail.models import Page

from core.models import HomePage
from courses.bootstrap import programme_data as data
from courses.models import (
    CourseLearningOutcome,
    CoursePage,
    CourseReading,
    Flexibility,
    LearningOutcome,
    ProgrammePage,
    ReadingItem,
    ReadingPage,
    ReadingQuestion,
    SectionPage,
    TrainerGuidePage,
)


class _Builder:
    def __init__(self):
        self.created = 0

    def page(self, parent: Page, model, slug: str, build) -> tuple[Page, bool]:
        """The child of `parent` at `slug`, created from `build()` and published if it is missing."""
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing, False
        page = parent.add_child(instance=build())
        page.save_revision(log_action=True).publish()
        self.created += 1
        return page, True


def _activity(spec: dict) -> dict:
    value = {
        "flexibility": Flexibility.ADAPTABLE,
        "aims": [],
        "planned_minutes": None,
        "grouping": "",
        "group_count": None,
        "prompt": "",
        "activity_sheets": [],
        "slides": [],
        "trainer_notes": data.DRAFT_TRAINER_NOTES,
        **spec,
    }
    return {"type": "activity", "value": value}


def _section(number: int, spec: dict) -> SectionPage:
    return SectionPage(
        slug=f"section-{number}",
        number=number,
        title=spec["title"],
        planned_minutes=spec.get("planned_minutes"),
        flexibility=spec.get("flexibility", Flexibility.CORE),
        is_key_working_content=spec.get("is_key_working_content", False),
        summary=spec.get("summary", ""),
        aims=spec.get("aims", ""),
        body=[_activity(activity) for activity in spec.get("activities", [])],
        seed_reference=spec["seed_reference"],
        is_placeholder=spec.get("is_placeholder", False),
    )


def _draft_questions(seed_reference: str) -> list[ReadingQuestion]:
    return [
        ReadingQuestion(
            kind=question["kind"],
            prompt=question["prompt"],
            choices=[{"type": "choice", "value": choice} for choice in question["choices"]],
            seed_reference=seed_reference,
            is_placeholder=True,
        )
        for question in data.DRAFT_QUESTIONS
    ]


def _reading(kind: str, items: list[ReadingItem]) -> ReadingPage:
    spec = data.READINGS[kind]
    return ReadingPage(
        slug=spec["slug"],
        title=spec["title"],
        kind=kind,
        summary=spec["summary"],
        seed_reference=spec["seed_reference"],
        items=items,
        questions=_draft_questions(spec["seed_reference"]),
    )


def _draft_items(kind: str) -> list[ReadingItem]:
    reference = data.READINGS[kind]["seed_reference"]
    return [
        ReadingItem(title=title, seed_reference=reference, is_placeholder=True)
        for title in data.READINGS[kind]["items"]
    ]


def _t4t_items(programme: ProgrammePage) -> list[ReadingItem]:
    return [
        ReadingItem(
            title=item["title"],
            summary=item["summary"],
            page=Page.objects.filter(url_path=f"{programme.url_path}{item['page']}/").first(),
            seed_reference=item["seed_reference"],
        )
        for item in data.T4T_READING_ITEMS
    ]


def _course(spec: dict, readings: dict[str, ReadingPage]) -> CoursePage:
    outcome_programme = spec.get("outcomes", LearningOutcome.Programme.COURSE)
    outcomes = LearningOutcome.objects.filter(programme=outcome_programme) if outcome_programme else []
    return CoursePage(
        slug=spec["slug"],
        title=spec["title"],
        kind=spec["kind"],
        variant=spec["variant"],
        days=spec.get("days", 1),
        summary=spec["summary"],
        who_is_it_for=spec.get("who_is_it_for", data.WHO_IS_IT_FOR),
        preparation=spec.get("preparation", ""),
        seed_reference=spec["seed_reference"],
        outcome_links=[CourseLearningOutcome(outcome=outcome) for outcome in outcomes],
        reading_links=[CourseReading(reading=readings[kind], required=required) for kind, required in spec["readings"]],
    )


def _guide(spec: dict, body: list, summary: str = "", read_before_every_delivery: bool = False) -> TrainerGuidePage:
    return TrainerGuidePage(
        slug=spec["slug"],
        title=spec["title"],
        summary=summary,
        body=body,
        read_before_every_delivery=read_before_every_delivery,
        seed_reference=spec["seed_reference"],
        is_placeholder=True,
    )


def _ensure_course(build: _Builder, programme: ProgrammePage, spec: dict, readings: dict) -> CoursePage:
    course, created = build.page(programme, CoursePage, spec["slug"], lambda: _course(spec, readings))
    if created:
        for number, section in enumerate(spec["sections"], start=1):
            build.page(course, SectionPage, f"section-{number}", lambda n=number, s=section: _section(n, s))
        if "guide" in spec:
            build.page(
                course, TrainerGuidePage, spec["guide"]["slug"], lambda: _guide(spec["guide"], data.GUIDE_DRAFT_BODY)
            )
    return course


def _ensure_home_link(home: HomePage, programme: ProgrammePage) -> None:
    """The home page points newcomers to the programme (issue #3: "the home page links to the programme")."""
    marker = f'<a linktype="page" id="{programme.pk}">'
    for block in home.body.raw_data:
        value = block["value"]
        text = value.get("text", "") if isinstance(value, dict) else str(value)
        if marker in text:
            return
    link = {
        "type": "callout",
        "value": {
            "title": "About the course",
            "text": (
                "<p>What happens on each day, the reading before and between the days, and who the course is for: "
                f'<a linktype="page" id="{programme.pk}">find out about the course</a>.</p>'
            ),
        },
    }
    home.body = [*home.body.raw_data, link]
    home.save_revision(log_action=True).publish()


def ensure_programme(out) -> None:
    build = _Builder()
    home = HomePage.objects.get()
    programme, _ = build.page(
        home,
        ProgrammePage,
        data.PROGRAMME["slug"],
        lambda: ProgrammePage(**data.PROGRAMME),
    )
    readings = {}
    readings["pre"], _ = build.page(
        programme, ReadingPage, data.READINGS["pre"]["slug"], lambda: _reading("pre", _draft_items("pre"))
    )
    _ensure_course(build, programme, data.DAY1, readings)
    readings["interim"], _ = build.page(
        programme, ReadingPage, data.READINGS["interim"]["slug"], lambda: _reading("interim", _draft_items("interim"))
    )
    _ensure_course(build, programme, data.KEY_WORKING_IN_PRACTICE, readings)
    _ensure_course(build, programme, data.WORKING_IN_PARTNERSHIP, readings)
    intro = data.INTRODUCTION_FOR_TRAINERS
    build.page(
        programme,
        TrainerGuidePage,
        intro["slug"],
        lambda: _guide(intro, intro["body"], intro["summary"], intro["read_before_every_delivery"]),
    )
    readings["t4t"], _ = build.page(
        programme, ReadingPage, data.READINGS["t4t"]["slug"], lambda: _reading("t4t", _t4t_items(programme))
    )
    _ensure_course(build, programme, data.TRAINING_FOR_TRAINERS, readings)
    _ensure_home_link(home, programme)
    out.step(f"the programme: courses, sections, readings and trainer pages ({build.created} new pages)")
