"""Cohorts at risk on the facilitator's and the programme dashboards (issue #21 point 4), each reason
with a link to where it is put right."""

from django.urls import reverse

from core.roles import Role
from events.models import Cohort


def test_the_facilitator_sees_their_regions_cohorts_at_risk_with_links_to_fix_them(
    client, make_cohort, facilitator, other_region
):
    cohort = make_cohort(title="Leeds, soon", days=(10, 20), status=Cohort.Status.CONFIRMED)
    make_cohort(title="Newcastle, soon", days=(10, 20), region=other_region)
    client.force_login(facilitator)

    page = client.get(reverse("dashboard_role", args=["facilitator"])).content.decode()

    assert "Leeds, soon" in page and "Newcastle, soon" not in page
    assert "0 confirmed; at least 6 are needed." in page
    assert f'href="{reverse("events:cohort_team", args=[cohort.pk])}">Put this right' in page


def test_the_programme_dashboard_lists_every_regions_cohorts_at_risk(client, make_cohort, make_user, other_region):
    make_cohort(title="Newcastle, soon", days=(10, 20), region=other_region)
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))

    page = client.get(reverse("dashboard_role", args=["programme"])).content.decode()

    assert "Cohorts at risk" in page and "Newcastle, soon" in page
