"""Courses to deliver, a cohort in the test region and the people around it, for events' tests."""

import pytest
from wagtail.models import Site

from core.models import HomePage
from core.roles import Role
from courses.tests import factories as course_factories
from events.models import CohortSettings
from events.tests.factories import CohortFactory, RegistrationFactory, SessionFactory, in_days


@pytest.fixture
def courses(db):
    """Day 1, both Day 2s and T4T, published with a revision, as bootstrap leaves them."""
    programme = course_factories.ProgrammePageFactory(parent=HomePage.objects.get())
    pages = {}
    for key, kind, variant in [
        ("day1", "day1", ""),
        ("kwip", "day2", "kwip"),
        ("wip", "day2", "wip"),
        ("t4t", "t4t", ""),
    ]:
        page = course_factories.CoursePageFactory(parent=programme, title=f"Course {key}", kind=kind, variant=variant)
        page.save_revision().publish()
        page.refresh_from_db()
        pages[key] = page
    return pages


@pytest.fixture
def make_cohort(courses, region):
    """make_cohort(days=(30, 44), path="full", capacity=16, status=...) -> a cohort with a session per day."""

    def make(*, days=(30, 44), path="full", region=region, **fields):
        cohort = CohortFactory(path=path, region=region, **fields)
        kinds = {"full": ["day1", "kwip"], "day2": ["kwip", "kwip"], "t4t": ["t4t", "t4t"]}[path]
        for offset, key in zip(days, kinds, strict=False):
            SessionFactory(cohort=cohort, course=courses[key], date=in_days(offset))
        return cohort

    return make


@pytest.fixture
def cohort(make_cohort):
    return make_cohort()


@pytest.fixture
def participant(make_user):
    return make_user(Role.PARTICIPANT)


@pytest.fixture
def facilitator(make_user, region):
    return make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])


@pytest.fixture
def trainer(make_user, cohort):
    person = make_user(Role.TRAINER)
    cohort.delivery_assignments.create(trainer=person, role="lead")
    return person


@pytest.fixture
def fill(make_user):
    """fill(cohort, count): that many confirmed registrations of new people, to use up places."""

    def fill_places(cohort, count):
        return [RegistrationFactory(cohort=cohort, person=make_user()) for _ in range(count)]

    return fill_places


@pytest.fixture
def set_rules(db):
    """set_rules(offer_hold_hours=6, ...): what a programme admin would save in Settings → Cohort rules."""

    def save(**values):
        settings = CohortSettings.for_site(Site.objects.get(is_default_site=True))
        for name, value in values.items():
            setattr(settings, name, value)
        settings.full_clean()
        settings.save()

    return save


@pytest.fixture
def make_person(make_user):
    """make_person("Rosa", "Diaz", role) -> a verified person with that name."""

    def make(first_name: str, last_name: str = "Person", role: Role | None = None):
        person = make_user(role)
        person.first_name, person.last_name = first_name, last_name
        person.save(update_fields=["first_name", "last_name"])
        return person

    return make
