"""Journeys through cohorts (issue #4): a facilitator schedules one, a parent carer registers, the
trainer sees them arrive with the mix warning, and the 21st person goes on the waiting list."""

import re

import pytest
from playwright.sync_api import expect

from core.roles import Role
from events.models import Cohort, Registration
from events.tests.conftest import courses, make_cohort  # noqa: F401 - fixtures shared with events' own tests
from events.tests.factories import RegistrationFactory, VenueFactory
from tests.browser.conftest import assert_accessible, create_cohort_in_admin, sign_in


@pytest.fixture
def recruiting(make_cohort):  # noqa: F811
    return make_cohort(title="Camden, spring", capacity=20)


def test_a_facilitator_creates_a_cohort_in_the_admin_and_opens_it(page, live_server, make_user, region, courses):  # noqa: F811
    venue = VenueFactory(region=region, name="Camden Centre")
    region.local_authorities.create(code="E09000007", name="Camden")
    facilitator = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])
    sign_in(page, live_server, facilitator)

    create_cohort_in_admin(
        page, live_server, title="Camden, autumn", venue=venue, days=[(courses["day1"], 30), (courses["kwip"], 44)]
    )
    cohort_page = re.compile(r"/admin/cohorts/inspect/\d+/$")
    expect(page).to_have_url(cohort_page)  # creating a cohort lands on its page

    cohort = Cohort.objects.get(title="Camden, autumn")
    # In the listing, the cohort's title leads to its page.
    page.goto(f"{live_server.url}/admin/cohorts/")
    assert_accessible(page)
    page.get_by_role("link", name="Camden, autumn").first.click()
    expect(page).to_have_url(re.compile(rf"/admin/cohorts/inspect/{cohort.pk}/$"))
    page.get_by_role("link", name="Open for registration").click()
    page.get_by_role("button", name="Open for registration").click()

    expect(page.get_by_text("open for registration and listed")).to_be_visible()
    cohort.refresh_from_db()
    assert cohort.status == Cohort.Status.RECRUITING
    assert cohort.sessions.count() == 2


def test_a_parent_carer_registers_and_the_trainer_sees_it_at_once(page, browser, live_server, make_user, recruiting):
    trainer = make_user(Role.TRAINER)
    recruiting.delivery_assignments.create(trainer=trainer, role="lead")
    parent = make_user(Role.PARTICIPANT)
    sign_in(page, live_server, parent)

    page.goto(f"{live_server.url}/cohorts/")
    assert_accessible(page)
    expect(page.get_by_text("Parent carers are welcome")).to_be_visible()
    page.get_by_role("link", name="Camden, spring").click()
    assert_accessible(page)
    page.get_by_role("link", name="Register for this course").click()
    assert_accessible(page)
    page.get_by_label("A parent carer", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    assert_accessible(page)
    expect(page.get_by_label("Job title")).to_have_count(0)
    page.get_by_label("None").check()
    page.get_by_label("How did you hear about the course?").select_option(
        label="A parent carer forum or family support group"
    )
    page.get_by_label("Parent (including adoptive, step or foster parent)").check()
    page.get_by_label("Is there anything that would help you take part?").fill(
        "I need to leave by 2.30pm for school pick-up."
    )
    page.get_by_role("button", name="Register").click()

    expect(page).to_have_url(re.compile(r"/my/courses/$"))
    expect(page.get_by_text("You have a place on Camden, spring")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/dashboard/participant/")
    registration = Registration.objects.get(person=parent)
    expect(page.locator(f"#registration-{registration.pk}")).to_have_text("Camden, spring")
    assert_accessible(page)

    trainer_page = browser.new_context().new_page()
    sign_in(trainer_page, live_server, trainer)
    trainer_page.goto(f"{live_server.url}/cohorts/{recruiting.pk}/team/")
    expect(trainer_page.get_by_role("cell", name="Test Person").first).to_be_visible()
    expect(trainer_page.get_by_text("I need to leave by 2.30pm for school pick-up.")).to_be_visible()
    expect(trainer_page.get_by_text("No one from social care yet")).to_be_visible()
    expect(trainer_page.get_by_text("still needs a preparation record")).to_be_visible()
    assert_accessible(trainer_page)


def test_the_21st_person_goes_on_the_waiting_list(page, live_server, make_user, recruiting):
    for _ in range(20):
        RegistrationFactory(cohort=recruiting, person=make_user())
    person = make_user(Role.PARTICIPANT)
    sign_in(page, live_server, person)

    page.goto(f"{live_server.url}/cohorts/{recruiting.pk}/")
    expect(page.get_by_text("The course is full")).to_be_visible()
    page.get_by_role("link", name="Register for this course").click()
    page.get_by_label("A practitioner: I work with children, young people or families").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Health", exact=True).check()
    page.get_by_label("Which organisation do you work for?").fill("Whittington Health")
    page.get_by_label("A lot").check()
    page.get_by_label("How many years have you worked").select_option(label="11 to 15 years")
    page.get_by_label("How did you hear about the course?").select_option(label="From a colleague")
    page.get_by_role("button", name="Register").click()

    expect(page.get_by_text("is full, so you are on the waiting list")).to_be_visible()
    expect(page.get_by_text("On the waiting list", exact=True)).to_be_visible()
    assert_accessible(page)
    assert Registration.objects.get(person=person).status == Registration.Status.WAITING
    assert recruiting.places_taken() == 20


def test_a_participant_cancels_their_place_after_a_confirmation_page(page, live_server, make_user, recruiting):
    person = make_user(Role.PARTICIPANT)
    mine = RegistrationFactory(cohort=recruiting, person=person)
    sign_in(page, live_server, person)

    page.goto(f"{live_server.url}/my/courses/")
    page.get_by_role("link", name="Cancel my place on Camden, spring").click()
    expect(page.get_by_role("heading", name="Cancel your place on Camden, spring")).to_be_visible()
    assert_accessible(page)
    mine.refresh_from_db()
    assert mine.status == Registration.Status.CONFIRMED

    page.get_by_role("button", name="Yes, cancel my place").click()

    expect(page.get_by_text("Your place on Camden, spring is cancelled.")).to_be_visible()
    mine.refresh_from_db()
    assert mine.status == Registration.Status.CANCELLED


def test_the_cohort_calendar_in_the_admin_passes_axe(page, live_server, make_user, region, recruiting):
    facilitator = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])
    sign_in(page, live_server, facilitator)

    page.goto(f"{live_server.url}/admin/cohort-calendar/?month={recruiting.start_date:%Y-%m}")

    expect(page.get_by_role("link", name="Camden, spring").first).to_be_visible()
    assert_accessible(page)
