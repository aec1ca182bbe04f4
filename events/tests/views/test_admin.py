"""The Wagtail admin, scoped by region: facilitators manage their own region's cohorts only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.roles import Role
from events.models import Cohort, Registration
from events.tests.factories import RegistrationFactory, VenueFactory, in_days


@pytest.fixture
def signed_in(client, facilitator):
    client.force_login(facilitator)
    return client


@pytest.fixture
def elsewhere(make_cohort, other_region, make_user):
    cohort = make_cohort(title="Newcastle, summer", region=other_region)
    RegistrationFactory(cohort=cohort, person=make_user())
    return cohort


def test_the_index_lists_only_the_facilitators_regions(signed_in, cohort, elsewhere):
    page = signed_in.get(reverse("cohorts:index")).content.decode()

    assert cohort.title in page and elsewhere.title not in page


@pytest.mark.parametrize(
    "url_name",
    [
        "cohorts:edit",
        "cohorts:inspect",
        "cohorts:history",
        "cohorts:open",
        "cohorts:confirm",
        "cohorts:cancel",
        "cohorts:import",
    ],
)
def test_another_regions_cohort_is_not_found(signed_in, elsewhere, url_name):
    assert signed_in.get(reverse(url_name, args=[elsewhere.pk])).status_code == 404
    assert signed_in.post(reverse(url_name, args=[elsewhere.pk]), {"reason": "x"}).status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.status == Cohort.Status.RECRUITING


@pytest.mark.parametrize("url_name", ["cohorts:edit", "cohorts:inspect", "cohorts:history", "cohorts:usage"])
def test_the_facilitators_own_cohort_pages_open(signed_in, cohort, url_name):
    assert signed_in.get(reverse(url_name, args=[cohort.pk])).status_code == 200


def test_another_regions_registrations_and_exports_are_not_found(signed_in, elsewhere):
    registration = elsewhere.registrations.get()

    assert signed_in.get(reverse("registrations:inspect", args=[registration.pk])).status_code == 404
    assert signed_in.post(reverse("registrations:cancel", args=[registration.pk]), {"reason": "x"}).status_code == 404
    assert signed_in.get(reverse("cohorts:export", args=[elsewhere.pk, "csv"])).status_code == 404
    assert elsewhere.title not in signed_in.get(reverse("registrations:index")).content.decode()


def test_trainers_and_participants_have_no_admin(client, make_user, cohort):
    for role in (Role.TRAINER, Role.PARTICIPANT):
        client.force_login(make_user(role))
        assert client.get(reverse("cohorts:inspect", args=[cohort.pk])).status_code == 403


def test_a_facilitator_creates_a_cohort_in_their_region(signed_in, region, courses):
    venue = VenueFactory(region=region)
    authority = venue.region.local_authorities.create(code="E09000007", name="Camden")
    data = {
        "title": "Camden, autumn",
        "path": "full",
        "region": region.pk,
        "local_authority": authority.pk,
        "venue": venue.pk,
        "capacity": 16,
        "local_details": "",
        "sessions-TOTAL_FORMS": 2,
        "sessions-INITIAL_FORMS": 0,
        "sessions-MIN_NUM_FORMS": 1,
        "sessions-MAX_NUM_FORMS": 1000,
    }
    for index, (key, days) in enumerate([("day1", 30), ("kwip", 44)]):
        data |= {
            f"sessions-{index}-course": courses[key].pk,
            f"sessions-{index}-date": in_days(days).isoformat(),
            f"sessions-{index}-starts_at": "10:00",
            f"sessions-{index}-ends_at": "14:00",
        }

    response = signed_in.post(reverse("cohorts:add"), data)

    assert response.status_code == 302, response.context["form"].errors
    cohort = Cohort.objects.get(title="Camden, autumn")
    assert cohort.status == Cohort.Status.DRAFT and cohort.sessions.count() == 2
    assert response["Location"] == reverse("cohorts:inspect", args=[cohort.pk])  # lands on its page


def test_the_form_offers_only_the_facilitators_regions(signed_in, other_region):
    form = signed_in.get(reverse("cohorts:add")).context["form"]

    assert other_region not in form.fields["region"].queryset
    assert form.initial["capacity"] == 16


def test_opening_and_confirming_with_a_reason_through_the_admin(signed_in, make_cohort, fill):
    cohort = make_cohort(status=Cohort.Status.DRAFT)

    signed_in.post(reverse("cohorts:open", args=[cohort.pk]))
    cohort.refresh_from_db()
    assert cohort.status == Cohort.Status.RECRUITING

    fill(cohort, 6)
    refused = signed_in.post(reverse("cohorts:confirm", args=[cohort.pk]), {"override_reason": ""})
    assert "does not meet the mix rule" in refused.content.decode()
    signed_in.post(reverse("cohorts:confirm", args=[cohort.pk]), {"override_reason": "Agreed with the lead trainer."})
    cohort.refresh_from_db()
    assert cohort.status == Cohort.Status.CONFIRMED


def test_the_inspect_view_shows_the_mix_and_people(signed_in, cohort, make_person):
    RegistrationFactory(cohort=cohort, person=make_person("Rosa", "Diaz"))

    page = signed_in.get(reverse("cohorts:inspect", args=[cohort.pk])).content.decode()

    assert "Rosa Diaz" in page and "No parent carer yet" in page
    assert reverse("cohorts:confirm", args=[cohort.pk]) in page


def test_the_export_escapes_formulas(signed_in, cohort):
    cohort.title = "=cmd|' /C calc'!A0"
    cohort.save()

    response = signed_in.get(reverse("cohorts:index"), {"export": "csv"})

    assert "'=cmd" in b"".join(response.streaming_content).decode()


def test_the_cohort_export_names_authorities_and_venues_without_a_query_per_cohort(signed_in, make_cohort):
    def export() -> tuple[str, int]:
        with CaptureQueriesContext(connection) as queries:
            response = signed_in.get(reverse("cohorts:index"), {"export": "csv"})
            text = b"".join(response.streaming_content).decode()
        return text, len(queries)

    make_cohort()
    _, few = export()
    cohorts = [make_cohort() for _ in range(5)]
    text, queries = export()

    assert queries <= few
    assert all(cohort.venue.name in text and cohort.local_authority.name in text for cohort in cohorts)


def test_import_previews_then_imports(signed_in, cohort):
    csv = (
        "email,first_name,last_name,applying_as,sectors,organisation,experience,years_experience,how_heard\n"
        "kim@example.org,Kim,Lee,professional,Health,NHS Leeds,some,1-5,work\n"
    )
    url = reverse("cohorts:import", args=[cohort.pk])

    preview = signed_in.post(url, {"file": SimpleUploadedFile("people.csv", csv.encode(), "text/csv")})
    assert "All 1 rows are ready to import" in preview.content.decode()
    assert not Registration.objects.exists()

    signed_in.post(url, {"rows": preview.context["signed_rows"]})
    assert Registration.objects.get().person.email == "kim@example.org"


def test_a_tampered_preview_is_refused(signed_in, cohort):
    response = signed_in.post(reverse("cohorts:import", args=[cohort.pk]), {"rows": "forged"})

    assert response.status_code == 302 and not Registration.objects.exists()


def test_the_mix_summary_covers_the_facilitators_regions(signed_in, cohort, elsewhere):
    page = signed_in.get(reverse("cohort_mix:index")).content.decode()

    assert cohort.title in page and elsewhere.title not in page


def test_only_programme_admins_change_the_rules(client, make_user, facilitator):
    url = reverse("wagtailsettings:edit", args=["events", "cohortsettings"])
    client.force_login(facilitator)
    assert client.get(url)["Location"] == reverse("wagtailadmin_home")
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))
    page = client.get(url, follow=True)
    assert (
        page.status_code == 200
        and "Places a cohort offers unless its facilitator says otherwise." in page.content.decode()
    )
    assert "000:L" not in page.content.decode()  # research references stay in the code (issue #23.5)


@pytest.mark.parametrize("url_name", ["edit", "delete", "history", "usage"])
def test_venues_of_other_regions_are_not_found(signed_in, other_region, url_name):
    venue = VenueFactory(region=other_region)

    assert signed_in.get(reverse(f"wagtailsnippets_events_venue:{url_name}", args=[venue.pk])).status_code == 404


def test_the_days_must_make_up_the_path(signed_in, region, courses):
    venue = VenueFactory(region=region)
    authority = region.local_authorities.create(code="E09000007", name="Camden")
    data = {
        "title": "Day 2 only, but with Day 1",
        "path": "day2",
        "region": region.pk,
        "local_authority": authority.pk,
        "venue": venue.pk,
        "capacity": 16,
        "sessions-TOTAL_FORMS": 1,
        "sessions-INITIAL_FORMS": 0,
        "sessions-MIN_NUM_FORMS": 1,
        "sessions-MAX_NUM_FORMS": 1000,
        "sessions-0-course": courses["day1"].pk,
        "sessions-0-date": in_days(30).isoformat(),
        "sessions-0-starts_at": "10:00",
        "sessions-0-ends_at": "14:00",
    }

    response = signed_in.post(reverse("cohorts:add"), data)

    assert "A Day 2 only cohort has Day 2 sessions only." in response.context["form"].errors["path"]
    assert not Cohort.objects.exists()


def test_the_cohort_index_keeps_a_constant_number_of_queries(
    signed_in, make_cohort, fill, django_assert_max_num_queries
):
    for _ in range(2):
        fill(make_cohort(), 3)
    with django_assert_max_num_queries(60) as few:
        signed_in.get(reverse("cohorts:index"))
    for _ in range(6):
        fill(make_cohort(), 3)

    with django_assert_max_num_queries(len(few.captured_queries)):
        signed_in.get(reverse("cohorts:index"))


def test_only_an_empty_draft_can_be_deleted(client, make_user, make_cohort, fill):
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))
    taken, draft = make_cohort(), make_cohort(status=Cohort.Status.DRAFT)
    fill(taken, 1)

    refused = client.post(reverse("cohorts:delete", args=[taken.pk]))
    client.post(reverse("cohorts:delete", args=[draft.pk]))

    assert refused["Location"] == reverse("cohorts:inspect", args=[taken.pk])
    assert list(Cohort.objects.all()) == [taken]


def test_the_facilitator_dashboard_puts_cohorts_at_risk_first(client, facilitator, make_cohort, fill):
    make_cohort(title="Risky", days=(10, 20))
    fill(make_cohort(title="Safe", days=(40, 50)), 6)
    client.force_login(facilitator)

    page = client.get(reverse("dashboard_role", args=["facilitator"])).content.decode()

    assert page.index("Risky") < page.index("Safe")
    assert page.count("at risk") == 1


def test_the_inspect_view_loads_the_team_it_shows_in_one_query(signed_in, cohort, trainer):
    """The cohort's page lists its team (issue #21 point 1), read once (issue #8)."""
    with CaptureQueriesContext(connection) as queries:
        page = signed_in.get(reverse("cohorts:inspect", args=[cohort.pk])).content.decode()

    assert f"{trainer}: Lead trainer" in page
    assert len([query for query in queries if 'FROM "trainers_deliveryassignment"' in query["sql"]]) == 1


def test_the_inspect_view_reads_the_cohort_once_with_what_its_fields_show(signed_in, cohort):
    """One query for the cohort, its region, authority and venue; another region's id is a 404 (issue #8)."""
    cohort.venue = VenueFactory(region=cohort.region, name="Civic Hall")
    cohort.save()

    with CaptureQueriesContext(connection) as queries:
        page = signed_in.get(reverse("cohorts:inspect", args=[cohort.pk])).content.decode()

    assert "Civic Hall" in page and str(cohort.local_authority) in page and str(cohort.region) in page
    reads = [query["sql"] for query in queries if query["sql"].startswith('SELECT "events_cohort"."id"')]
    assert len(reads) == 1
    assert not [
        query for query in queries if query["sql"].startswith(('SELECT "core_region"', 'SELECT "events_venue"'))
    ]


def test_the_inspect_view_of_a_cohort_that_does_not_exist_is_a_404(signed_in, cohort):
    assert signed_in.get(reverse("cohorts:inspect", args=[cohort.pk + 1000])).status_code == 404
