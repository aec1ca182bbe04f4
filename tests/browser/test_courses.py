"""Course content journeys (issue #3): the central team edits, trainers and participants read."""

import re

import pytest
from django.apps import apps
from playwright.sync_api import expect

from conftest import SilentOutput
from core.models import HomePage
from core.roles import Role
from courses.tests import factories
from tests.browser.conftest import assert_accessible, sign_in

TRAINER_NOTE = "Remind the group that nobody has to share a personal story"


@pytest.fixture
def section(db):
    programme = factories.ProgrammePageFactory(parent=HomePage.objects.get())
    course = factories.CoursePageFactory(
        parent=programme, title="Day 2 – Key Working in Practice", kind="day2", variant="kwip"
    )
    return factories.SectionPageFactory(
        parent=course,
        number=2,
        title="Early Support and key working",
        planned_minutes=45,
        body=[factories.activity(trainer_notes=f"<p>{TRAINER_NOTE}.</p>")],
    )


def _reader(browser, live_server, person, csp_violations: list):
    """A separate browser for `person`, collecting Content-Security-Policy errors on the pages they read."""
    reader = browser.new_context().new_page()
    reader.on(
        "console",
        lambda message: csp_violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    sign_in(reader, live_server, person)
    return reader


def test_an_edit_published_by_the_central_team_reaches_trainers_but_trainer_notes_stay_with_them(
    page, browser, live_server, make_user, section, csp_violations
):
    admin = make_user(Role.PROGRAMME_ADMIN, mfa=True)
    sign_in(page, live_server, admin)

    page.goto(f"{live_server.url}/admin/pages/{section.pk}/edit/")
    page.locator("#id_planned_minutes").fill("75")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text(re.compile(r"Page '.*' has been published"))).to_be_visible()

    trainer = _reader(browser, live_server, make_user(Role.TRAINER), csp_violations)
    trainer.goto(f"{live_server.url}{section.url}")
    expect(trainer.get_by_text("1 hour 15 minutes")).to_be_visible()
    expect(trainer.get_by_text(TRAINER_NOTE)).to_be_visible()
    assert_accessible(trainer)

    participant = _reader(browser, live_server, make_user(Role.PARTICIPANT), csp_violations)
    participant.goto(f"{live_server.url}{section.url}")
    expect(participant.get_by_text("1 hour 15 minutes")).to_be_visible()
    expect(participant.get_by_role("heading", name="Activity 2.2: What is key working")).to_be_visible()
    expect(participant.get_by_text(TRAINER_NOTE)).to_have_count(0)
    expect(participant.get_by_role("heading", name="For trainers")).to_have_count(0)
    assert_accessible(participant)
    assert not csp_violations


def test_the_seeded_course_pages_are_accessible(page, live_server, csp_violations):
    for label in ("core", "courses"):
        apps.get_app_config(label).bootstrap(SilentOutput())

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="find out about the course").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The Early Support and key working course")
    assert_accessible(page)
    for link_name, heading in (
        ("Pre-reading: before Day 1", "Pre-reading: before Day 1"),
        ("Day 1 – The Early Support Principles in Practice", "Day 1 – The Early Support Principles in Practice"),
        ("Day 2 – Key Working in Practice", "Day 2 – Key Working in Practice"),
        ("Training for Trainers", "Training for Trainers"),
    ):
        page.get_by_role("link", name=link_name, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_accessible(page)
        page.go_back()

    page.goto(live_server.url + "/course/day-2-key-working-in-practice/section-2/")
    expect(page.get_by_role("heading", name="Activity 2.2: What is key working")).to_be_visible()
    assert_accessible(page)

    page.goto(live_server.url + "/search/")
    page.get_by_label("Search the course").fill("partnership")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name=re.compile(r"results? for “partnership”"))).to_be_visible()
    assert_accessible(page)
    assert not csp_violations
