"""The dashboard page: the current programme year by default, the period said on the page, the
cohort table in pages, and the report reused for a few minutes (issue #8 point 3)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from core.roles import Role
from events.models import Cohort
from oversight import conf


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))
    return client


def delivered(make_cohort, first_day: datetime.date, **fields) -> Cohort:
    offset = (first_day - timezone.localdate()).days
    return make_cohort(status=Cohort.Status.DELIVERED, days=(offset, offset + 7), **fields)


def test_the_programme_year_starts_in_the_configured_month():
    assert conf.programme_year(datetime.date(2026, 11, 23)) == (datetime.date(2026, 4, 1), datetime.date(2027, 3, 31))
    assert conf.programme_year(datetime.date(2027, 3, 31)) == (datetime.date(2026, 4, 1), datetime.date(2027, 3, 31))
    assert conf.programme_year(datetime.date(2027, 4, 1)) == (datetime.date(2027, 4, 1), datetime.date(2028, 3, 31))


@freeze_time("2026-11-23 10:00")
def test_without_filters_the_page_shows_the_current_programme_year_and_says_so(admin_client, make_cohort):
    delivered(make_cohort, datetime.date(2026, 5, 1), title="This year's cohort")
    delivered(make_cohort, datetime.date(2026, 3, 31), title="Last year's cohort")

    content = admin_client.get(reverse("oversight_fidelity")).content.decode()

    assert "This year&#x27;s cohort" in content
    assert "Last year&#x27;s cohort" not in content
    assert "from 1 April 2026 to 31 March 2027 (the current programme year)" in content
    assert 'value="2026-04-01"' in content  # the filter shows the period, to change it
    assert "Figures as of 10:00" in content


@freeze_time("2026-11-23 10:00")
def test_emptied_dates_show_every_period(admin_client, make_cohort):
    delivered(make_cohort, datetime.date(2024, 5, 1), title="An old cohort")

    content = admin_client.get(reverse("oversight_fidelity"), {"region": "", "start": "", "end": ""}).content.decode()

    assert "An old cohort" in content
    assert "every period" in content


def test_the_at_risk_figure_leads_to_the_cohorts_to_put_right(admin_client):
    content = admin_client.get(reverse("oversight_fidelity")).content.decode()

    assert f'<a href="{reverse("cohorts:index")}?at_risk=yes">Cohorts at risk</a>' in content


def test_the_cohort_table_is_in_pages_keeping_the_filters(admin_client, make_cohort, monkeypatch):
    monkeypatch.setattr(conf, "COHORTS_PER_PAGE", 2)
    for n in range(3):
        make_cohort(status=Cohort.Status.CONFIRMED, title=f"Cohort number {n}", days=(n + 1, n + 8))
    period = {"region": "", "start": "", "end": ""}

    first = admin_client.get(reverse("oversight_fidelity"), period).content.decode()
    second = admin_client.get(reverse("oversight_fidelity"), {**period, "page": 2}).content.decode()

    assert "Cohort number 0" in first and "Cohort number 2" not in first
    assert "Cohort number 2" in second and "Cohort number 0" not in second
    assert "region=&amp;start=&amp;end=&amp;page=2" in first
    assert "3 cohorts; showing 1–2." in first


def test_the_kept_report_is_built_again_once_a_cohort_changes(admin_client, make_cohort):
    """Kept in the shared cache under the cohorts' generation (issue #20): a write shows at once."""
    make_cohort(status=Cohort.Status.CANCELLED, cancelled_reason="Venue flooded")
    admin_client.get(reverse("oversight_fidelity"))
    make_cohort(status=Cohort.Status.CANCELLED, cancelled_reason="Trainer unwell")

    content = admin_client.get(reverse("oversight_fidelity")).content.decode()

    assert "Venue flooded" in content
    assert "Trainer unwell" in content


def test_a_facilitator_never_gets_a_report_worked_out_for_more_regions(
    client, make_cohort, make_user, region, other_region
):
    make_cohort(status=Cohort.Status.CANCELLED, cancelled_reason="Secret elsewhere", region=other_region)
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))
    assert "Secret elsewhere" in client.get(reverse("oversight_fidelity")).content.decode()

    client.force_login(make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]))

    assert "Secret elsewhere" not in client.get(reverse("oversight_fidelity")).content.decode()
