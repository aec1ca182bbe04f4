"""The people and objects the access-control matrix requests URLs with: everything belongs to someone
else (another participant, another trainer, region A), so no role should see what is not theirs."""

import uuid
from dataclasses import dataclass

from django.core.files.base import ContentFile
from wagtail.models import Collection

from core.models import HomePage, Notification, Region
from core.roles import Role
from courses.bootstrap.collections import ensure_trainer_collection
from courses.tests import factories as course_factories
from events.models import CalendarFeed, PlaceOffer, Preparation
from events.tests.factories import (
    CohortFactory,
    RegistrationFactory,
    SessionFactory,
    VenueFactory,
    in_days,
    parent_carer,
)
from feedback.models import (
    CriticalIncident,
    DeliveryIssue,
    OpenQuestion,
    Questionnaire,
    QuestionnaireEntry,
    SessionMaterial,
)
from trainers.tests.factories import ApplicationFactory, AssignmentFactory, TrainerProfileFactory

SECRET = "Secret-of-region-A"


@dataclass
class World:
    people: dict
    region: Region
    other_region: Region
    owner: object
    cohort: object
    session: object
    venue: object
    registration: object
    offer: object
    feed: object
    notification: object
    course: object
    trainer_guide: object
    trainer_document: object
    public_document: object
    applicant_profile: object = None
    application: object = None
    assignment: object = None
    t4t_cohort: object = None
    issue: object = None
    question: object = None
    material: object = None
    entry: object = None
    questionnaire: object = None

    def ids(self):
        return {"pk": self.cohort.pk, "registration_pk": self.registration.pk}


class SilentOutput:
    demo = False

    def step(self, message):
        pass


def build_world(make_user) -> World:
    region = Region.objects.create(code="E12000007", name="London")
    other_region = Region.objects.create(code="E12000001", name="North East")
    people = {
        "participant": make_user(Role.PARTICIPANT),
        "trainer": make_user(Role.TRAINER),
        "facilitator_elsewhere": make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[other_region]),
        "facilitator": make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]),
        "programme_admin": make_user(Role.PROGRAMME_ADMIN, mfa=True),
    }
    owner = make_user(Role.PARTICIPANT, email="owner@example.org")
    other_trainer = make_user(Role.TRAINER, email="other-trainer@example.org")

    programme = course_factories.ProgrammePageFactory(parent=HomePage.objects.get())
    course = course_factories.CoursePageFactory(parent=programme, title="Day 1", kind="day1", variant="")
    course.save_revision().publish()
    trainer_guide = course_factories.TrainerGuidePageFactory(parent=course, title="Guide for Day 1")
    trainer_guide.save_revision().publish()

    venue = VenueFactory(region=region, name="Town Hall")
    cohort = CohortFactory(region=region, venue=venue, title="Camden, spring")
    session = SessionFactory(cohort=cohort, course=course, date=in_days(40))
    registration = RegistrationFactory(cohort=cohort, person=owner, access_needs=f"{SECRET} needs", **parent_carer())
    Preparation.objects.create(registration=registration, notes=f"{SECRET} preparation notes")
    offer = PlaceOffer.objects.create(registration=registration, expires_at=cohort.created_at)
    feed = CalendarFeed.objects.create(person=other_trainer, token=uuid.uuid4())
    notification = Notification.objects.create(
        recipient=owner, message="m", key="k", subject=f"{SECRET} message", body_text="b"
    )
    trainer_collection = ensure_trainer_collection(SilentOutput())
    trainer_document = course_factories.DocumentFactory(
        collection=trainer_collection, title="Trainers' guide", file=ContentFile(b"guide", name="guide.pdf")
    )
    public_document = course_factories.DocumentFactory(
        collection=Collection.get_first_root_node(), title="Activity sheet", file=ContentFile(b"sheet", name="s.pdf")
    )
    applicant = make_user(Role.PARTICIPANT, email="applicant@example.org")
    applicant_profile = TrainerProfileFactory(person=applicant, region=region)
    application = ApplicationFactory(
        profile=applicant_profile, cv=ContentFile(f"%PDF-1.4 {SECRET} CV".encode(), name="cv.pdf")
    )
    assignment = AssignmentFactory(cohort=cohort, trainer=other_trainer)
    t4t_cohort = CohortFactory(region=region, path="t4t", title="T4T London")
    issue = DeliveryIssue.objects.create(session=session, kind=DeliveryIssue.Kind.values[0], text=f"{SECRET} issue")
    question = OpenQuestion.objects.create(session=session, text=f"{SECRET} question")
    CriticalIncident.objects.create(session=session, what_happened=f"{SECRET} incident")
    material = SessionMaterial.objects.create(
        session=session,
        kind=SessionMaterial.Kind.values[0],
        text=f"{SECRET} notes",
        caption="Flipchart",
        file=ContentFile(f"{SECRET} photo".encode(), name="flipchart.jpg"),
    )
    questionnaire = Questionnaire.objects.create(
        kind=Questionnaire.Kind.values[0], number=1, title="Reflective practice 1"
    )
    entry = QuestionnaireEntry.objects.create(
        registration=registration, questionnaire=questionnaire, answers={"a": f"{SECRET} reflection"}
    )
    QuestionnaireEntry.objects.filter(pk=entry.pk).update(
        status=QuestionnaireEntry.Status.values[-1], shared_with=other_trainer, shared_at=cohort.created_at
    )
    return World(
        issue=issue,
        question=question,
        material=material,
        entry=entry,
        questionnaire=questionnaire,
        applicant_profile=applicant_profile,
        application=application,
        assignment=assignment,
        t4t_cohort=t4t_cohort,
        people=people,
        region=region,
        other_region=other_region,
        owner=owner,
        cohort=cohort,
        session=session,
        venue=venue,
        registration=registration,
        offer=offer,
        feed=feed,
        notification=notification,
        course=course,
        trainer_guide=trainer_guide,
        trainer_document=trainer_document,
        public_document=public_document,
    )
