"""The cohort calendar in the admin (issue #21 point 6): a month of the facilitator's regions' days,
each with its cohort's status; another region's cohorts are not there."""

import datetime

from django.urls import reverse
from freezegun import freeze_time

from core.roles import Role
from events.models import Cohort


@freeze_time("2026-03-02")
def test_the_month_shows_each_days_sessions_with_status(client, make_cohort, facilitator, other_region):
    make_cohort(title="Leeds, spring", days=(8, 15), status=Cohort.Status.CONFIRMED)  # 10 and 17 March
    make_cohort(title="Newcastle", days=(8, 15), region=other_region)
    client.force_login(facilitator)

    page = client.get(reverse("events_cohort_calendar")).content.decode()

    assert "March 2026" in page
    assert page.count("Leeds, spring</a>") == 2 and "(Confirmed)" in page
    assert "Newcastle" not in page
    assert "?month=2026-04" in page and "?month=2026-02" in page


@freeze_time("2026-03-02")
def test_another_month_and_a_month_that_is_not_one(client, make_cohort, facilitator):
    make_cohort(title="Leeds, summer", days=(100, 107))  # 10 June 2026
    client.force_login(facilitator)

    june = client.get(reverse("events_cohort_calendar"), {"month": "2026-06"}).content.decode()
    nonsense = client.get(reverse("events_cohort_calendar"), {"month": "June"}, follow=True).content.decode()

    assert "Leeds, summer" in june and datetime.date(2026, 6, 10).strftime("%B %Y") in june
    assert "That is not a month" in nonsense and "March 2026" in nonsense


def test_people_without_cohorts_in_the_admin_are_refused(client, make_user):
    client.force_login(make_user(Role.TRAINER))

    assert client.get(reverse("events_cohort_calendar")).status_code in (302, 403)


def test_the_menu_has_the_calendar_for_facilitators(client, facilitator):
    client.force_login(facilitator)

    assert reverse("events_cohort_calendar") in client.get(reverse("wagtailadmin_home")).content.decode()
