"""The public cohort page reuses its description (events.views.public): for a signed-in visitor
places left and their own registration are always current; cookieless visitors share the whole page
until a cohort or a registration changes (events.caching); nothing about one visitor reaches another."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Registration
from events.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def _get(client, cohort) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("events:cohort_detail", args=[cohort.pk]))
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.fixture
def signed_in(make_user):
    visitor = Client()
    visitor.force_login(make_user())
    return visitor


def test_places_left_change_as_soon_as_someone_registers(signed_in, cohort, make_user):
    cohort.capacity = 2
    cohort.save()
    assert "2 places left" in _get(signed_in, cohort)[0]
    RegistrationFactory(cohort=cohort, person=make_user())
    assert "1 place left" in _get(signed_in, cohort)[0]
    RegistrationFactory(cohort=cohort, person=make_user())
    assert "The course is full" in _get(signed_in, cohort)[0]


def test_a_change_to_the_cohort_shows_at_once(signed_in, cohort):
    assert "Kent County" not in _get(signed_in, cohort)[0]
    cohort.title = "Kent County autumn course"
    cohort.save()
    assert "Kent County autumn course" in _get(signed_in, cohort)[0]


def test_cookieless_visitors_share_the_page_until_a_registration_changes_it(client, cohort, make_user):
    cohort.capacity = 2
    cohort.save()
    assert "2 places left" in _get(client, cohort)[0]
    shared, queries = _get(Client(), cohort)
    assert "2 places left" in shared and queries == 0
    RegistrationFactory(cohort=cohort, person=make_user())
    assert "1 place left" in _get(Client(), cohort)[0]


def test_one_visitors_registration_never_reaches_another(client, cohort, participant):
    RegistrationFactory(cohort=cohort, person=participant, status=Registration.Status.CONFIRMED)
    signed_in = Client()
    signed_in.force_login(participant)
    theirs = _get(signed_in, cohort)[0]
    assert "You are registered" in theirs and "Sign out" in theirs
    public = _get(client, cohort)[0]
    assert "You are registered" not in public and "Sign out" not in public
    assert "You will be asked to sign in" in public


def test_a_cached_description_costs_fewer_queries(client, cohort):
    cold_page, cold = _get(client, cohort)
    warm_page, warm = _get(client, cohort)
    assert warm_page == cold_page
    assert warm < cold
