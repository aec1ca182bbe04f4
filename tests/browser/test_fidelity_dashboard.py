"""The programme fidelity dashboard in a real browser (issue #7: "a browser test of the dashboard with
charts and axe-core passing"): charts with text alternatives, the same numbers in the tables, filters
used with the keyboard, downloads, and a facilitator seeing only their regions."""

import re

import pytest
from playwright.sync_api import expect

from core.roles import Role
from events.models import Cohort
from events.tests.conftest import courses, make_cohort  # noqa: F401 - fixtures shared with events' own tests
from oversight.tests.factories import Record, place, readings  # noqa: F401 - readings is a fixture
from tests.browser.conftest import assert_accessible, sign_in

READINGS = "Readings completed before each day"


@pytest.fixture
def programme_data(make_cohort, readings, region, other_region):  # noqa: F811
    """London: a delivered cohort of two (one had done the pre-reading before Day 1: 1 of 4 person-days)
    and a cohort from two years ago. North East: a cancelled cohort and a delivered one of two, both done."""
    record = Record()
    london = make_cohort(status=Cohort.Status.DELIVERED, days=(-20, -6), title="Camden, this spring")
    record.finish(place(london).person, readings["pre"], on=-30)
    place(london)
    make_cohort(status=Cohort.Status.DELIVERED, days=(-700, -690), title="Camden, long ago")
    make_cohort(
        status=Cohort.Status.CANCELLED, region=other_region, title="Durham", cancelled_reason="North East venue closed"
    )
    north_east = make_cohort(status=Cohort.Status.DELIVERED, days=(-20, -6), region=other_region, title="Tyneside")
    for _ in range(2):
        person = place(north_east).person
        record.finish(person, readings["pre"], on=-30)
        record.finish(person, readings["interim"], on=-30)


def row(page, measure: str, table: int = 0):
    return page.locator(f'table.listing >> nth={table} >> tr[data-measure="{measure}"]')


def choose_with_keyboard(page, region: str, start_digits: str) -> None:
    """Focus the region list, type its name, Tab to the first date, type it and press Enter."""
    page.locator("#id_region").focus()
    page.keyboard.type(region)
    page.keyboard.press("Tab")
    expect(page.locator("#id_start")).to_be_focused()
    page.keyboard.type(start_digits)
    page.keyboard.press("Enter")


def test_a_programme_admin_reads_charts_tables_filters_and_downloads(
    page, live_server, make_user, programme_data, csp_violations
):
    admin = make_user(Role.PROGRAMME_ADMIN, mfa=True)
    sign_in(page, live_server, admin)

    page.goto(f"{live_server.url}/admin/fidelity/")
    expect(page.get_by_role("heading", name="Programme fidelity")).to_be_visible()
    expect(page.get_by_text("(the current programme year)")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Figures as of \d\d:\d\d"))).to_be_visible()
    charts = page.locator("svg[role=img]")
    expect(charts.first).to_be_visible()
    for index in range(charts.count()):
        chart = charts.nth(index)
        labelled_by = chart.get_attribute("aria-labelledby").split()
        assert all(page.locator(f"#{name}").text_content().strip() for name in labelled_by)
    assert_accessible(page)

    choose_with_keyboard(page, "London", "01012020")

    expect(page).to_have_url(re.compile(r"region=\d+&start=2020-01-01"))
    expect(page.get_by_text("Camden, long ago")).to_be_visible()
    expect(page.get_by_text("Tyneside")).to_have_count(0)
    readings_row = row(page, "readings_before_day")
    expect(readings_row.locator("td")).to_have_text(["1", "4", "25%"])
    overall = page.locator("#overall-desc")
    assert f"{READINGS}: 25% (1 of 4)." in overall.text_content()
    expect(row(page, "cancelled").locator("td").first).to_have_text("0")
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    csv = download.value.path().read_text()
    assert f"England (selected regions),{READINGS},1,4,25" in csv
    assert "North East" not in csv
    excel = page.get_by_role("link", name="Excel").get_attribute("href")
    xlsx = page.request.get(f"{live_server.url}/admin/fidelity/{excel}")
    assert xlsx.ok
    assert "spreadsheetml" in xlsx.headers["content-type"]
    assert csp_violations == []


def test_a_facilitator_sees_only_their_regions(page, live_server, make_user, region, programme_data, csp_violations):
    facilitator = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])
    sign_in(page, live_server, facilitator)

    page.goto(f"{live_server.url}/admin/fidelity/?region=&start=&end=")

    expect(page.locator("#fidelity-period")).to_contain_text("Period shown: every period.")
    expect(page.get_by_text("Camden, this spring")).to_be_visible()
    expect(page.get_by_text("North East venue closed")).to_have_count(0)
    expect(page.get_by_role("table", name="North East")).to_have_count(0)
    expect(page.locator("#id_region option")).to_have_text(["All my regions", "London"])
    expect(row(page, "readings_before_day").locator("td")).to_have_text(["1", "4", "25%"])
    assert_accessible(page)
    assert csp_violations == []
