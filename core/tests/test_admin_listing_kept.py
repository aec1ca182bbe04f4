"""Admin listings keep their row count and header a while, and the admin's cohort page its header;
their rows and the cohort's overview are always read afresh (core.admin_listing_kept, issue #8)."""

import re
import time

import pytest
from django.urls import reverse

from core.models import Region
from core.roles import Role
from core.tests.clients import SignInClient
from events.models import Cohort, Venue
from events.tests.factories import CohortFactory, RegionFactory, VenueFactory

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
    settings.ADMIN_LISTING_KEPT_SECONDS = 0.2
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
    facilitator = SignInClient()
    facilitator.force_login(make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]))

    assert _listing(programme_admin)[0] == 4
    assert _listing(programme_admin, region=region.pk)[0] == 2
    assert _listing(programme_admin, region=region.pk, p=2)[0] == 2
    assert _listing(facilitator)[0] == 2


def _drawer(page: str) -> str:
    """The listing's header: breadcrumbs, buttons, search box and filters."""
    return page[page.index('id="main"') : page.index('id="listing-results"')]


def test_the_header_follows_the_address(programme_admin, region):
    for _ in range(2):
        assert 'value="Leeds"' in _drawer(_listing(programme_admin, q="Leeds")[1])
        assert 'value="York"' in _drawer(_listing(programme_admin, q="York")[1])
        assert "value=" not in _drawer(_listing(programme_admin)[1]).split('name="q"')[1].split(">")[0]


def test_a_choice_saved_here_shows_in_the_filters_at_once(programme_admin, region):
    assert "Yorkshire and the Humber" not in _drawer(_listing(programme_admin)[1])

    RegionFactory(name="Yorkshire and the Humber")

    assert "Yorkshire and the Humber" in _drawer(_listing(programme_admin)[1])


def test_a_choice_added_by_another_process_shows_in_the_filters_after_the_timeout(programme_admin, region, settings):
    settings.ADMIN_LISTING_KEPT_SECONDS = 0.2
    _listing(programme_admin)

    Region.objects.bulk_create([Region(code="E12000003", name="Yorkshire and the Humber")])
    assert "Yorkshire and the Humber" not in _drawer(_listing(programme_admin)[1])
    time.sleep(0.25)

    assert "Yorkshire and the Humber" in _drawer(_listing(programme_admin)[1])


def test_people_never_get_each_others_header(make_user, region, other_region):
    """The cohort listing's region filter offers a facilitator their own regions only."""
    facilitators = [SignInClient(), SignInClient()]
    facilitators[0].force_login(make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]))
    facilitators[1].force_login(make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[other_region]))

    for _ in range(2):
        theirs, other = (_drawer(client.get(reverse("cohorts:index")).text) for client in facilitators)

        assert f">{region.name}</option>" in theirs and f">{other_region.name}</option>" not in theirs
        assert f">{other_region.name}</option>" in other and f">{region.name}</option>" not in other


def _cohort_header(client, cohort) -> str:
    """The admin's cohort page, up to where its content begins: breadcrumbs and buttons."""
    response = client.get(reverse("cohorts:inspect", args=[cohort.pk]))
    assert response.status_code == 200
    return response.text.split('<div class="nice-padding">')[0]


def test_the_cohort_pages_header_is_kept_and_a_title_changed_here_shows_at_once(programme_admin, region):
    cohort = CohortFactory(title="Leeds, spring", region=region)
    assert "Leeds, spring" in _cohort_header(programme_admin, cohort)

    cohort.title = "Leeds, summer"
    cohort.save()

    assert "Leeds, summer" in _cohort_header(programme_admin, cohort)


def test_the_cohort_pages_header_follows_a_title_changed_elsewhere_after_the_timeout(programme_admin, region, settings):
    settings.ADMIN_LISTING_KEPT_SECONDS = 0.2
    cohort = CohortFactory(title="Leeds, spring", region=region)
    _cohort_header(programme_admin, cohort)

    Cohort.objects.filter(pk=cohort.pk).update(title="Leeds, summer")  # no signal, as from another process
    assert "Leeds, spring" in _cohort_header(programme_admin, cohort)
    time.sleep(0.25)

    assert "Leeds, summer" in _cohort_header(programme_admin, cohort)


def test_the_cohort_pages_header_is_each_persons_own(make_user, region):
    """A facilitator who may delete a cohort gets its Delete button; one who may not never does."""
    cohort = CohortFactory(region=region)
    admin, facilitator = SignInClient(), SignInClient()
    admin.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))
    facilitator.force_login(make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]))
    delete = reverse("cohorts:delete", args=[cohort.pk])

    for _ in range(2):
        assert (delete in _cohort_header(admin, cohort)) != (delete in _cohort_header(facilitator, cohort))
