"""A demo cohort delivered in the last weeks, so a newcomer sees a participant's course in progress.

"Demo: Lambeth, recently delivered" (London): Day 1 twenty days ago, Day 2 ten days ago, with the
demo participant (participant@example.org, on the accredited route) and five of events' demo people,
led by the demo trainer. Registrations and the delivered status are written directly (the cohort
services refuse dates in the past); everything else goes through the services: the register,
reading progress, evaluations, a question escalated and answered, notes shared, RP1 in draft, the
trainer's feedback. Skipped when the cohort exists or the courses, region or people are missing.
"""

import datetime

from django.utils import timezone

from core.models import LocalAuthority, Region, User
from courses.models import CoursePage, ReadingPage
from events.models import Cohort, Registration, Session, Venue
from events.models.choices import ApplyingAs, Experience, HowHeard, OrganisationType, Relation, YearsExperience
from feedback.access import delivering_trainers
from feedback.models import Questionnaire
from feedback.selectors.evaluation import answer_field, evaluation_form_for
from feedback.selectors.readings import reading_page_state
from feedback.services.attendance import attendance_record
from feedback.services.delivery import issue_record, trainer_reflection_save
from feedback.services.evaluation import evaluation_submit
from feedback.services.materials import material_add
from feedback.services.questionnaires import questionnaire_entry_save
from feedback.services.questions import question_answer, question_escalate, question_record
from feedback.services.readings import reading_progress_save

TITLE = "Demo: Lambeth, recently delivered"
PEOPLE = [
    "participant@example.org",
    "amira.khan@example.org",
    "ben.hughes@example.org",
    "chloe.evans@example.org",
    "dan.osei@example.org",
    "ella.novak@example.org",
]


def _day(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def _register(cohort: Cohort, person: User) -> Registration:
    parent = person.email.startswith("chloe")
    return Registration.objects.create(
        cohort=cohort,
        person=person,
        status=Registration.Status.CONFIRMED,
        applying_as=ApplyingAs.PARENT_CARER if parent else ApplyingAs.PROFESSIONAL,
        sectors=[] if parent else ["education"],
        organisation="" if parent else "Lambeth Family Support",
        organisation_type=OrganisationType.NONE if parent else OrganisationType.COUNCIL,
        experience=Experience.LITTLE,
        years_experience=YearsExperience.UP_TO_5,
        relation_to_child=Relation.PARENT if parent else Relation.NOT_APPLICABLE,
        how_heard=HowHeard.WORK,
        access_needs="A hearing loop, please." if parent else "",
        accredited_route=person.email == PEOPLE[0],
    )


def _cohort(day1: CoursePage, kwip: CoursePage, trainer: User) -> Cohort | None:
    london = Region.objects.filter(code="E12000007").first()
    authority = LocalAuthority.objects.filter(region=london).order_by("name").first()
    if london is None or authority is None:
        return None
    cohort = Cohort.objects.create(
        title=TITLE,
        region=london,
        local_authority=authority,
        venue=Venue.objects.filter(region=london).first(),
        capacity=16,
        status=Cohort.Status.DELIVERED,
    )
    for course, offset in ((day1, -20), (kwip, -10)):
        Session.objects.create(
            cohort=cohort, course=course, date=_day(offset), starts_at=datetime.time(10), ends_at=datetime.time(14)
        )
    cohort.delivery_assignments.create(trainer=trainer, role="lead")
    return cohort


def _deliver(cohort: Cohort, trainer: User, registrations: list[Registration]) -> None:
    day1, day2 = cohort.ordered_sessions
    marks = {r.pk: ("present", "") for r in registrations}
    attendance_record(session=day1, marks={**marks, registrations[4].pk: ("absent", "Unwell")}, actor=trainer)
    attendance_record(session=day2, marks={**marks, registrations[3].pk: ("late", "Arrived 10:40")}, actor=trainer)
    issue_record(session=day1, kind="query", text="How do personal budgets work locally?", actor=trainer)
    issue_record(session=day1, kind="concern", text="The room was too warm after lunch.", actor=trainer)
    question = question_record(
        session=day1, text="Who holds the key working role when a family moves between councils?", actor=trainer
    )
    question_escalate(question=question, to="central", note="Asked the central team by email.", actor=trainer)
    question_answer(
        question=question,
        answer="The council the family moves to agrees a new key worker before the move; until then the "
        "current key worker stays in touch with the family.",
        actor=trainer,
    )
    material_add(
        session=day1,
        kind="notes",
        caption="Notes from Day 1",
        text="Key outcomes: what key working means to each agency; issues and queries to follow up.",
        actor=trainer,
    )
    trainer_reflection_save(
        session=day2,
        trainer=trainer,
        answers={
            "impact": "Participants grew more confident to describe key working in their own words.",
            "feedback_to_facilitator": "A good mix; we needed a parent carer speaker earlier in Day 1.",
        },
        submit=True,
    )


def _participate(cohort: Cohort, registrations: list[Registration]) -> None:
    sam, *others = registrations
    pre = ReadingPage.objects.filter(kind=ReadingPage.Kind.PRE_READING, live=True).first()
    if pre is not None:
        state = reading_page_state(sam.person, pre)
        reading_progress_save(
            person=sam.person,
            registration=sam,
            reading=pre,
            read_item_ids={item.pk for item in state["items"]},
            answers={},
            actor=sam.person,
        )
    day2 = cohort.ordered_sessions[-1]
    for registration in others[:4]:
        evaluation_submit(registration=registration, session=day2, answers=_agreeing(day2), actor=registration.person)
    rp1 = Questionnaire.objects.filter(kind=Questionnaire.Kind.REFLECTION, number=1).first()
    if rp1 is not None:
        questionnaire_entry_save(
            registration=sam,
            questionnaire=rp1,
            answers={"love": "Seeing a family feel listened to for the first time."},
            actor=sam.person,
            submit=False,
        )


def _agreeing(session: Session) -> dict:
    """ "Agree" to every statement and "yes", worthwhile, as the KIP participants answered (004:L572–577)."""
    answers = {}
    form = evaluation_form_for(session)
    for question in form.current_version.questions if form else []:
        for trainer in delivering_trainers(session.cohort) if question["topic"] == "trainer" else [None]:
            if question["kind"] == "scale":
                answers[answer_field(question["key"], trainer)] = str(len(question["labels"]) - 1)
            elif question["kind"] == "yes_no":
                answers[answer_field(question["key"], trainer)] = "yes"
    return answers


def ensure_demo_course(out) -> None:
    if Cohort.objects.filter(title=TITLE).exists():
        out.step("demo delivered cohort (kept as it is)")
        return
    courses = {(course.kind, course.variant): course for course in CoursePage.objects.live()}
    trainer = User.objects.filter(email="trainer@example.org").first()
    people = {person.email: person for person in User.objects.filter(email__in=PEOPLE)}
    if not (courses.get(("day1", "")) and courses.get(("day2", "kwip")) and trainer and len(people) == len(PEOPLE)):
        out.notice("No demo delivered cohort: the courses, the demo trainer or the demo people are missing.")
        return
    cohort = _cohort(courses[("day1", "")], courses[("day2", "kwip")], trainer)
    if cohort is None:
        out.notice("No demo delivered cohort: London has no local authority.")
        return
    registrations = [_register(cohort, people[email]) for email in PEOPLE]
    _deliver(cohort, trainer, registrations)
    _participate(cohort, registrations)
    out.step("demo delivered cohort with attendance, evaluations, a question answered and reflections")
