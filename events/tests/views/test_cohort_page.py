"""The cohort's page in the admin (issue #21 point 1): where a new cohort lands, where its title
leads, what it shows and does, in a fixed number of queries; and the listing's at-risk filter (point 4)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Cohort
from events.tests.factories import RegistrationFactory


@pytest.fixture
def signed_in(client, facilitator):
    client.force_login(facilitator)
    return client


def page_of(client, cohort) -> str:
    return client.get(reverse("cohorts:inspect", args=[cohort.pk])).content.decode()


def test_the_listing_title_leads_to_the_cohorts_page_not_its_edit_form(signed_in, cohort):
    page = signed_in.get(reverse("cohorts:index")).content.decode()
    title_link = re.search(r'<div class="title-wrapper">\s*<a href="([^"]+)"[^>]*>\s*(.+?)\s*</a>', page)

    assert title_link.groups() == (reverse("cohorts:inspect", args=[cohort.pk]), cohort.title)
    assert f'href="{reverse("cohorts:edit", args=[cohort.pk])}"' in page  # still under the row's "More options"


def test_a_draft_cohorts_page_offers_opening_and_changing_the_team(signed_in, make_cohort):
    cohort = make_cohort(status=Cohort.Status.DRAFT)

    page = page_of(signed_in, cohort)

    assert f'href="{reverse("cohorts:open", args=[cohort.pk])}"' in page
    assert f'href="{reverse("cohort_teams:team", args=[cohort.pk])}"' in page and "Change team" in page
    assert f'href="{reverse("cohorts:cancel", args=[cohort.pk])}"' in page
    assert f'href="{reverse("cohorts:history", args=[cohort.pk])}"' in page
    assert reverse("cohorts:confirm", args=[cohort.pk]) not in page
    assert reverse("cohorts:import", args=[cohort.pk]) not in page  # nobody registers before it is open


def test_the_page_shows_contacts_the_below_target_note_and_the_registers(signed_in, cohort, make_person):
    rosa = make_person("Rosa", "Diaz")
    rosa.phone = "07700 900123"
    rosa.save(update_fields=["phone"])
    RegistrationFactory(cohort=cohort, person=rosa)

    page = page_of(signed_in, cohort)

    assert f'href="mailto:{rosa.email}"' in page
    assert 'href="tel:07700 900123"' in page
    assert "1 confirmed: below the usual size of 16." in page
    assert reverse("feedback:register", args=[cohort.ordered_sessions[0].pk]) in page
    assert reverse("cohorts:import", args=[cohort.pk]) in page
    assert "Pre-course pack" in page  # due in 16 days for a cohort starting in 30


def test_the_page_shows_the_course_version_fixed_on_confirming(signed_in, make_cohort, fill):
    cohort = make_cohort()
    fill(cohort, 6)
    signed_in.post(reverse("cohorts:confirm", args=[cohort.pk]), {"override_reason": "Agreed with the lead."})
    session = cohort.sessions.select_related("course_revision").order_by("date").first()

    page = page_of(signed_in, cohort)

    assert session.course_revision is not None
    assert f"course version of {session.course_revision.created_at:%-d %B %Y}" in page


def test_messaging_links_lead_to_their_screens(signed_in, cohort):
    page = page_of(signed_in, cohort)

    link = f'href="/admin/cohorts/{cohort.pk}/message/" class="button button-small button-secondary"'
    assert f"{link}>Write to the cohort&#x27;s people</a>" in page
    assert f'href="/admin/cohorts/{cohort.pk}/send-pack/" class="button' in page


def test_another_regions_cohort_page_is_not_found(signed_in, make_cohort, other_region):
    assert signed_in.get(reverse("cohorts:inspect", args=[make_cohort(region=other_region).pk])).status_code == 404


def test_the_page_reads_the_same_number_of_queries_however_many_register(signed_in, make_cohort, fill, trainer):
    small, large = make_cohort(), make_cohort()
    fill(small, 2)
    fill(large, 14)
    page_of(signed_in, small)  # settings and the session, read once per process or per request

    with CaptureQueriesContext(connection) as few:
        page_of(signed_in, small)
    with CaptureQueriesContext(connection) as many:
        page_of(signed_in, large)

    assert len(few) == len(many)


def test_the_at_risk_filter_lists_only_cohorts_at_risk(signed_in, make_cohort, fill):
    risky = make_cohort(title="Starting soon with nobody", days=(10, 20))
    later = make_cohort(title="Starting in autumn", days=(100, 114))

    page = signed_in.get(reverse("cohorts:index"), {"at_risk": "yes"}).content.decode()
    unfiltered = signed_in.get(reverse("cohorts:index")).content.decode()

    assert risky.title in page and later.title not in page
    assert risky.title in unfiltered and later.title in unfiltered


def test_cancelling_from_the_page_takes_a_reason_from_the_list(signed_in, cohort):
    url = reverse("cohorts:cancel", args=[cohort.pk])

    form = signed_in.get(url).content.decode()
    assert f'href="{reverse("cohorts:inspect", args=[cohort.pk])}"' in form  # back to the cohort, named
    assert cohort.title in form and 'class="button serious"' in form

    refused = signed_in.post(url, {"reason_code": "other", "reason": ""})
    cohort.refresh_from_db()
    assert refused.status_code == 200 and cohort.status != Cohort.Status.CANCELLED

    signed_in.post(url, {"reason_code": "venue", "reason": "The hall is flooded"})
    cohort.refresh_from_db()
    assert cohort.status == Cohort.Status.CANCELLED
    assert cohort.cancellation_reason == "venue"
