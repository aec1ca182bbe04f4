"""Finding a course as an anonymous parent carer on a phone, without JavaScript (issue #23 point 1)."""

import pytest
from playwright.sync_api import expect

from events.tests.conftest import courses, make_cohort  # noqa: F401 - fixtures shared with events' own tests
from events.tests.factories import LocalAuthorityFactory
from tests.browser.conftest import assert_accessible


@pytest.fixture
def two_cohorts(make_cohort, region):  # noqa: F811
    camden = make_cohort(title="Camden, spring", local_authority=LocalAuthorityFactory(region=region, name="Camden"))
    make_cohort(title="Hackney, spring", local_authority=LocalAuthorityFactory(region=region, name="Hackney"))
    return camden


def test_from_the_home_page_to_the_courses_in_one_local_authority(browser, page, live_server, two_cohorts):
    no_script = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640}).new_page()
    no_script.goto(f"{live_server.url}/")

    no_script.get_by_role("link", name="Find a course").first.click()
    no_script.get_by_label("Local authority").select_option(label="Camden")
    no_script.get_by_role("button", name="Show courses").click()

    expect(no_script.get_by_role("link", name="Camden, spring")).to_be_visible()
    expect(no_script.get_by_role("link", name="Hackney, spring")).to_have_count(0)
    expect(no_script.get_by_text(two_cohorts.venue.accessibility)).to_be_visible()
    assert no_script.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # axe-core needs JavaScript: the same filtered page, checked in a browser that runs it.
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(no_script.url)
    assert_accessible(page)
