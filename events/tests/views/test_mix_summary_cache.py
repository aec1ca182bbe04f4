"""Mix across cohorts keeps each rendered page of its report (events.admin.summary): a page read
from the cache costs fewer queries, and each page and each set of regions has its own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.roles import Role

pytestmark = pytest.mark.django_db


def _get(client, **query) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("cohort_mix:index"), query)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_cached_report_costs_fewer_queries(client, make_user, make_cohort, settings):
    settings.EVENTS_MIX_SUMMARY_PAGE_SIZE = 1
    make_cohort(title="Camden spring")
    make_cohort(title="Barnet spring")
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))
    cold = _get(client)[1]
    warm_page, warm = _get(client)
    assert warm < cold and "Barnet spring" in warm_page and "Camden spring" not in warm_page
    assert "Camden spring" in _get(client, p=2)[0]


def test_each_set_of_regions_has_its_own_report(client, make_user, cohort, make_cohort, other_region, region):
    elsewhere = make_cohort(title="Newcastle spring", region=other_region)
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))
    assert elsewhere.title in _get(client)[0]
    client.force_login(make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]))
    page = _get(client)[0]
    assert cohort.title in page and elsewhere.title not in page
