"""The public listing and registration: open cohorts by region, sign in first, then the form."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from events.models import Cohort, Day1Completion, Registration
from events.tests.factories import RegistrationFactory, parent_carer


def test_open_cohorts_are_listed_by_region_with_their_days(client, make_cohort, other_region):
    listed = make_cohort(title="Leeds, spring")
    make_cohort(title="Draft cohort", status=Cohort.Status.DRAFT)
    make_cohort(title="Already started", days=(-1, 10))
    make_cohort(title="Newcastle, summer", region=other_region)

    page = client.get(reverse("events:cohort_list")).content.decode()

    assert "Leeds, spring" in page and "Newcastle, summer" in page
    assert "Draft cohort" not in page and "Already started" not in page
    assert page.index(">London</h2>") < page.index("Leeds, spring") < page.index(">North East</h2>")
    assert "Parent carers are welcome" in page
    assert listed.sessions.first().course.title in page


def test_the_listing_filters_by_region(client, make_cohort, other_region):
    make_cohort(title="Leeds, spring")
    make_cohort(title="Newcastle, summer", region=other_region)

    page = client.get(reverse("events:cohort_list"), {"region": other_region.code}).content.decode()

    assert "Newcastle, summer" in page and "Leeds, spring" not in page


def test_the_listing_keeps_a_constant_number_of_queries(client, make_cohort, make_user, django_assert_max_num_queries):
    def add_cohorts(count):
        for _ in range(count):
            cohort = make_cohort()
            for _ in range(3):
                RegistrationFactory(cohort=cohort, person=make_user())

    add_cohorts(2)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("events:cohort_list"))
    add_cohorts(6)
    cache.clear()  # the rendered page is cached: measure a fresh render
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("events:cohort_list"))
    assert response.content.decode().count('class="card"') == 8


def test_a_cohort_page_shows_outcomes_structure_and_times(client, cohort):
    page = client.get(reverse("events:cohort_detail", args=[cohort.pk])).content.decode()

    assert "9:30 a.m. to 3:30 p.m." in page
    assert cohort.venue.accessibility in page
    assert reverse("events:register", args=[cohort.pk]) in page


def test_a_draft_cohort_has_no_public_page(client, make_cohort):
    cohort = make_cohort(status=Cohort.Status.DRAFT)

    assert client.get(reverse("events:cohort_detail", args=[cohort.pk])).status_code == 404
    assert client.get(reverse("events:cohort_calendar", args=[cohort.pk])).status_code == 404


def test_anonymous_people_sign_in_first_and_come_back(client, cohort):
    url = reverse("events:register", args=[cohort.pk])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"


def test_registering_through_the_form(client, cohort, participant):
    client.force_login(participant)
    answers = {
        key: value for key, value in parent_carer().items() if key in ("experience", "how_heard", "relation_to_child")
    }

    response = client.post(reverse("events:register", args=[cohort.pk]) + "?as=parent_carer", answers)

    assert response.status_code == 302, response.content.decode()[:3000]
    registration = Registration.objects.get(person=participant)
    assert registration.applying_as == "parent_carer" and registration.status == "confirmed"
    assert registration.organisation_type == "none" and registration.years_experience == "n/a"
    assert "You have a place" in client.get(response["Location"]).content.decode()


def test_the_form_asks_who_you_are_coming_as_first_and_then_only_what_applies(client, cohort, participant):
    client.force_login(participant)
    url = reverse("events:register", args=[cohort.pk])

    first = client.get(url).content.decode()
    as_parent = client.get(url, {"as": "parent_carer"}).content.decode()
    as_young_person = client.get(url, {"as": "young_person"}).content.decode()
    as_practitioner = client.get(url, {"as": "professional"}).content.decode()

    assert 'name="as"' in first and 'name="job_title"' not in first and 'method="get"' in first
    for page in (as_parent, as_young_person):
        assert 'name="job_title"' not in page and 'name="sectors"' not in page
        assert 'name="years_experience"' not in page and 'name="how_heard"' in page
    assert 'name="relation_to_child"' in as_parent and 'name="relation_to_child"' not in as_young_person
    assert 'name="job_title"' in as_practitioner and 'name="relation_to_child"' not in as_practitioner
    assert "You are coming as: <strong>A parent carer</strong>" in as_parent


def test_choosing_nobody_explains_what_to_do(client, cohort, participant):
    client.force_login(participant)

    page = client.get(reverse("events:register", args=[cohort.pk]), {"as": ""}).content.decode()

    assert "<title>Error: " in page
    assert '<a href="#id_as_0">Choose who you are coming as</a>' in page


def test_the_form_explains_what_is_missing(client, cohort, participant):
    client.force_login(participant)

    page = client.post(reverse("events:register", args=[cohort.pk]) + "?as=professional", {}).content.decode()

    assert "There is a problem" in page and "Choose at least one sector you work in" in page
    assert '<a href="#id_how_heard">Choose how you heard about the course</a>' in page
    assert '<a href="#id_sectors_0">' in page and '<a href="#id_experience_0">' in page
    assert not Registration.objects.exists()


def test_a_young_person_is_recorded_as_the_young_person(client, cohort, participant):
    client.force_login(participant)

    client.post(
        reverse("events:register", args=[cohort.pk]) + "?as=young_person", {"experience": "none", "how_heard": "online"}
    )

    registration = Registration.objects.get(person=participant)
    assert registration.relation_to_child == "self" and registration.sectors == []


@pytest.mark.parametrize("done_day1", [False, True])
def test_a_day2_only_cohort_explains_it_needs_day1(client, make_cohort, participant, done_day1):
    cohort = make_cohort(path="day2")
    if done_day1:
        Day1Completion.objects.create(person=participant, kind="equivalent", completed_on="2025-01-01", note="x")
    client.force_login(participant)

    response = client.get(reverse("events:register", args=[cohort.pk]))

    assert response.status_code == (200 if done_day1 else 403)


def test_a_parent_carer_is_told_once_what_is_missing_and_nothing_asked_is_called_optional(client, cohort, participant):
    client.force_login(participant)

    page = client.post(reverse("events:register", args=[cohort.pk]) + "?as=parent_carer", {}).content.decode()

    assert page.count("Choose how you are related to the child or young person</") == 2  # summary and field
    assert "How are you related to the child or young person? (optional)" not in page
    assert not Registration.objects.exists()
