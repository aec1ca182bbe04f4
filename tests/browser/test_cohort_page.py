"""The facilitator's path through one cohort page (issue #21, "Must show"): create a cohort, land on
its page, set the team from there, open registration, see a registration arrive with the mix and the
below-target note, move Day 2, and everyone with a place is told. axe-core passes on each page."""

import re

from django.core import mail
from playwright.sync_api import expect

from core.roles import Role
from events.models import Cohort
from events.services.registrations import registration_create
from events.tests.conftest import courses, make_cohort  # noqa: F401 - fixtures shared with events' own tests
from events.tests.factories import VenueFactory, in_days, professional
from tests.browser.conftest import assert_accessible, create_cohort_in_admin, sign_in
from trainers.tests.conftest import delivered, experienced, make_trainer  # noqa: F401 - trainers' fixtures

#: True once Wagtail's messages have faded in (`.messages > ul` reaches full opacity) and no finite
#: animation or transition is still running.
PAGE_IS_STILL = """() =>
    [...document.querySelectorAll(".messages > ul")].every(list => getComputedStyle(list).opacity === "1")
    && document.getAnimations().every(
        animation => animation.playState !== "running" || animation.effect.getTiming().iterations === Infinity
    )"""


def assert_settled_page_accessible(page) -> None:
    """axe-core once the page is still: a colour read half-way through a fade fails the contrast
    check. Waits for what the page does, never for a time."""
    page.wait_for_function(PAGE_IS_STILL)
    assert_accessible(page)


def test_a_facilitator_runs_a_cohort_from_its_page(
    page,
    live_server,
    make_user,
    region,
    courses,  # noqa: F811
    experienced,  # noqa: F811
    run_tasks,
):
    venue = VenueFactory(region=region, name="Camden Centre")
    region.local_authorities.create(code="E09000007", name="Camden")
    facilitator = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])
    sign_in(page, live_server, facilitator)

    create_cohort_in_admin(
        page, live_server, title="Islington, winter", venue=venue, days=[(courses["day1"], 30), (courses["kwip"], 44)]
    )

    expect(page).to_have_url(re.compile(r"/admin/cohorts/inspect/\d+/$"))
    cohort = Cohort.objects.get(title="Islington, winter")
    cohort_page = re.compile(rf"/admin/cohorts/inspect/{cohort.pk}/$")
    expect(page).to_have_url(cohort_page)
    expect(page.get_by_text("No trainers yet.")).to_be_visible()
    assert_settled_page_accessible(page)

    page.get_by_role("link", name="Change team").first.click()
    assert_settled_page_accessible(page)
    page.get_by_label("Lead trainer").select_option(value=str(experienced.pk))
    page.get_by_role("button", name="Save the team").click()
    expect(page.get_by_text("The team for Islington, winter is set")).to_be_visible()
    page.get_by_role("link", name="Back to the cohort").click()
    expect(page).to_have_url(cohort_page)
    expect(page.get_by_text(f"{experienced}: Lead trainer")).to_be_visible()

    page.get_by_role("link", name="Open for registration").click()
    assert_settled_page_accessible(page)
    page.get_by_role("button", name="Open for registration").click()
    expect(page).to_have_url(cohort_page)
    expect(page.get_by_text("The cohort is open for registration")).to_be_visible()

    rosa = make_user(Role.PARTICIPANT, email="rosa@example.org")
    registration_create(cohort=cohort, person=rosa, answers=professional(), actor=rosa)
    run_tasks()  # the confirmation and anything due are sent before the day moves
    page.reload()
    expect(page.get_by_role("link", name="rosa@example.org")).to_be_visible()
    expect(page.get_by_text("1 confirmed: below the usual size of 16.")).to_be_visible()
    expect(page.get_by_text("The mix rule is not met yet")).to_be_visible()
    assert_settled_page_accessible(page)

    mail.outbox.clear()
    page.goto(f"{live_server.url}/admin/cohorts/edit/{cohort.pk}/")
    assert_settled_page_accessible(page)
    page.locator("#id_sessions-1-date").fill(in_days(51).isoformat())
    page.get_by_role("button", name="Save").focus()  # the date picker may lie over it, as above
    page.keyboard.press("Enter")
    expect(page).to_have_url(cohort_page)
    expect(page.get_by_text(in_days(51).strftime("%A %-d %B %Y"))).to_be_visible()
    assert_settled_page_accessible(page)
    run_tasks()

    told = sorted(message.to[0] for message in mail.outbox)
    assert told == sorted(["rosa@example.org", experienced.email])
    assert all("is now on" in message.body for message in mail.outbox)
