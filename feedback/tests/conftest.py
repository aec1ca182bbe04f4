"""A programme with readings, a cohort whose two days are past, its team and participants."""

import pytest

from core.roles import Role
from events.tests.factories import RegistrationFactory
from feedback.tests import factories


@pytest.fixture
def programme(db):
    return factories.build_programme()


@pytest.fixture
def make_cohort(programme, region):
    """make_cohort(days=(-10, -3), ...) -> a confirmed Day 1 + Day 2 cohort in the test region."""

    def make(*, days=(-10, -3), **fields):
        return factories.make_cohort(programme, days=days, region=fields.pop("region", region), **fields)

    return make


@pytest.fixture
def cohort(make_cohort):
    return make_cohort()


@pytest.fixture
def day1(cohort):
    return factories.day(cohort, "day1")


@pytest.fixture
def day2(cohort):
    return factories.day(cohort, "day2")


@pytest.fixture
def trainer(make_user, cohort):
    person = make_user(Role.TRAINER)
    cohort.delivery_assignments.create(trainer=person, role="lead")
    return person


@pytest.fixture
def co_trainer(make_user, cohort):
    person = make_user(Role.TRAINER)
    cohort.delivery_assignments.create(trainer=person, role="co_trainer")
    return person


@pytest.fixture
def shadow(make_user, cohort):
    person = make_user(Role.TRAINER)
    cohort.delivery_assignments.create(trainer=person, role="shadow")
    return person


@pytest.fixture
def facilitator(make_user, region):
    return make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])


@pytest.fixture
def programme_admin(make_user):
    return make_user(Role.PROGRAMME_ADMIN, mfa=True)


@pytest.fixture
def participant(make_user):
    return make_user(Role.PARTICIPANT)


@pytest.fixture
def registration(cohort, participant):
    return RegistrationFactory(cohort=cohort, person=participant)


@pytest.fixture
def enrol(cohort, make_user):
    """enrol(cohort=..., **answers) -> a confirmed registration of a new participant."""

    def make(on=None, **answers):
        return RegistrationFactory(cohort=on or cohort, person=make_user(Role.PARTICIPANT), **answers)

    return make


@pytest.fixture
def form(db):
    return factories.evaluation_form()


@pytest.fixture
def questionnaires(db):
    factories.seed_questionnaires()
