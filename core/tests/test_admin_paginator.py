"""Admin listings keep their row count a while; their rows are always read afresh
(core.admin_paginator, issue #8)."""

import re
import time

import pytest
from django.test import Client
from django.urls import reverse

from core.roles import Role
from events.models import Venue
from events.tests.factories import RegionFactory, VenueFactory

VENUES = reverse("wagtailsnippets_events_venue:list")


@pytest.fixture
def programme_admin(client, make_user):
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))
    return client


def _listing(client, **query) -> tuple[int, str]:
    """The number of pages the listing says it has, and the page."""
    response = client.get(VENUES, query)
    assert response.status_code == 200
    found = re.search(r"Page \d+ of (\d+)", response.text)
    return (int(found.group(1)) if found else 1), response.text


def test_rows_saved_in_this_process_show_in_the_count_at_once(programme_admin, region):
    VenueFactory.create_batch(21, region=region)
    assert _listing(programme_admin)[0] == 2

    VenueFactory.create_batch(20, region=region)

    assert _listing(programme_admin)[0] == 3


def test_rows_added_by_another_process_show_at_once_and_in_the_count_after_the_timeout(
    programme_admin, region, settings
):
    settings.ADMIN_LISTING_COUNT_SECONDS = 0.2
    VenueFactory.create_batch(21, region=region)
    assert _listing(programme_admin, ordering="name")[0] == 2

    # No signal reaches this process, as when another one saves.
    Venue.objects.bulk_create([Venue(name=f"Aardvark Hall {n}", region=region, capacity=20) for n in range(20)])
    pages, page = _listing(programme_admin, ordering="name")

    assert pages == 2
    assert "Aardvark Hall 0" in page
    time.sleep(0.25)
    assert _listing(programme_admin, ordering="name")[0] == 3


def test_a_count_is_kept_for_its_own_filters_and_person_only(programme_admin, make_user, region):
    elsewhere = RegionFactory()
    VenueFactory.create_batch(21, region=region)
    VenueFactory.create_batch(41, region=elsewhere)
    facilitator = Client()
    facilitator.force_login(make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]))

    assert _listing(programme_admin)[0] == 4
    assert _listing(programme_admin, region=region.pk)[0] == 2
    assert _listing(programme_admin, region=region.pk, p=2)[0] == 2
    assert _listing(facilitator)[0] == 2
