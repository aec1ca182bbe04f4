"""A small programme tree, trainer material and Wagtail's page assertions, shared by courses' tests."""

import pytest
from django.core.management import call_command
from wagtail.coreutils import get_dummy_request
from wagtail.test.utils import WagtailPageTestCase

from conftest import SilentOutput
from core.models import HomePage
from core.roles import Role
from courses.bootstrap.collections import ensure_trainer_collection
from courses.tests import factories

TRAINER_NOTE = "Remind the group that nobody has to share a personal story"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded documents go to a fresh folder for each test."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def trainer_collection(db):
    return ensure_trainer_collection(SilentOutput())


@pytest.fixture
def slides(trainer_collection):
    return factories.DocumentFactory(title="Key working slides", collection=trainer_collection)


@pytest.fixture
def activity_sheet(db):
    return factories.DocumentFactory(title="What is key working sheet")


@pytest.fixture
def programme(db):
    return factories.ProgrammePageFactory(parent=HomePage.objects.get())


@pytest.fixture
def course(programme):
    return factories.CoursePageFactory(
        parent=programme, title="Day 2 – Key Working in Practice", kind="day2", variant="kwip"
    )


@pytest.fixture
def section(course, slides, activity_sheet):
    return factories.SectionPageFactory(
        parent=course,
        number=2,
        title="Early Support and key working",
        body=[
            factories.activity(
                trainer_notes=f"<p>{TRAINER_NOTE}.</p>", slides=[slides.pk], activity_sheets=[activity_sheet.pk]
            )
        ],
    )


@pytest.fixture
def trainer_guide(programme):
    return factories.TrainerGuidePageFactory(parent=programme, title="Introduction for Trainers")


@pytest.fixture
def search_index(db):
    """Wagtail indexes pages in background tasks; tests build the index directly instead."""

    def rebuild():
        call_command("update_index", verbosity=0)

    return rebuild


@pytest.fixture
def admin_client(client, make_user):
    """The test client signed in as a programme admin (staff must have two-step verification)."""
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))
    return client


@pytest.fixture
def page_checks(client):
    """Wagtail's page assertions (assertCanCreateAt, assertPageIsRenderable...) bound to pytest's client."""
    checks = WagtailPageTestCase()
    checks.client = client
    checks.dummy_request = get_dummy_request()
    return checks
