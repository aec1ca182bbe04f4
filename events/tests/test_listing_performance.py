"""Listings that stay the same size as the programme grows (issue #8 point 3, docs/performance.md):
the public listing a page at a time and cached, the trainer feed cached, the facilitator dashboard
bounded, mix across cohorts over a period, and admin listings with a fixed number of queries."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import dateformat, timezone
from freezegun import freeze_time

from core.roles import Role
from events.admin.summary import default_period
from events.models import Cohort, Session
from events.models.rules import current_rules
from events.services.calendars import calendar_feed_reset
from events.tests.factories import CohortFactory, RegistrationFactory, VenueFactory, in_days

LISTING = reverse("events:cohort_list")


def page_as(client, person, url: str) -> str:
    """The page at `url` as `person` sees it."""
    client.force_login(person)
    return client.get(url).content.decode()


@pytest.fixture
def programme_admin(client, make_user):
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))
    return client


# --- The public listing -------------------------------------------------------------------------


def test_the_listing_comes_a_page_at_a_time_keeping_the_region(client, make_cohort, region, other_region, settings):
    settings.EVENTS_COHORT_LIST_PAGE_SIZE = 2
    for n in range(5):
        make_cohort(title=f"London {n}", days=(30 + n, 44 + n))
    make_cohort(title="Newcastle", region=other_region)

    first = client.get(LISTING, {"region": region.code}).content.decode()
    last = client.get(LISTING, {"region": region.code, "page": 3}).content.decode()

    assert first.count('class="card"') == 2 and "London 0" in first and "London 2" not in first
    assert "5 courses open for registration that match your choices: showing 1 to 2, page 1 of 3." in first
    assert '<nav class="pagination" aria-label="Pages of courses">' in first
    assert f'href="?region={region.code}&amp;page=1" aria-current="page"' in first
    assert f'href="?region={region.code}&amp;page=2" rel="next">Next page</a>' in first
    assert "London 4" in last and "Newcastle" not in last and 'rel="next"' not in last
    assert f'href="?region={region.code}&amp;page=2" rel="prev">Previous page</a>' in last


def test_one_page_needs_no_page_links(client, cohort):
    page = client.get(LISTING).content.decode()

    assert cohort.title in page and "Pages of courses" not in page


@pytest.mark.parametrize("number", ["0", "-1", "two", "1.5", "4"])
def test_a_page_that_does_not_exist_says_so(client, make_cohort, settings, number):
    settings.EVENTS_COHORT_LIST_PAGE_SIZE = 2
    for _ in range(5):
        make_cohort()

    response = client.get(LISTING, {"page": number})

    assert response.status_code == 404
    assert "There is no such page of courses." in response.content.decode()
    assert f'href="{LISTING}"' in response.content.decode()


def test_an_unknown_region_says_so(client, cohort):
    response = client.get(LISTING, {"region": "nowhere"})

    assert response.status_code == 404
    assert "We do not know that region." in response.content.decode() and cohort.title not in response.content.decode()


def test_the_listing_is_kept_until_a_cohort_changes_and_never_the_visitors_header(client, make_cohort, make_user):
    make_cohort(title="Leeds, spring")
    client.force_login(make_user(Role.PARTICIPANT))
    assert "Sign out" in client.get(LISTING).content.decode()
    client.logout()

    cached = client.get(LISTING).content.decode()
    make_cohort(title="Added since")  # bumps the cohorts' generation (events.caching)
    fresh = client.get(LISTING).content.decode()

    assert "Sign in" in cached and "Sign out" not in cached
    assert "Leeds, spring" in cached and "Added since" not in cached
    assert "Added since" in fresh


def test_a_cached_filtered_listing_costs_four_queries_and_a_fresh_one_a_fixed_number(
    client, make_cohort, make_user, region, settings, django_assert_num_queries, django_assert_max_num_queries
):
    settings.EVENTS_COHORT_LIST_PAGE_SIZE = 4
    # A filtered listing (the finding form, issue #23) is never shared whole: its list is kept.
    filtered = {"region": region.code, "month": "", "course": ""}

    def add_cohorts(count):
        for _ in range(count):
            cohort = make_cohort()
            for _ in range(2):
                RegistrationFactory(cohort=cohort, person=make_user())

    add_cohorts(2)
    with django_assert_max_num_queries(12) as few:
        client.get(LISTING, filtered)
    add_cohorts(10)
    cache.clear()
    with django_assert_max_num_queries(len(few.captured_queries)):
        fresh = client.get(LISTING, filtered)
    with django_assert_num_queries(4):  # the filter's regions, local authorities, courses and chosen region
        cached = client.get(LISTING, filtered)

    assert fresh.content.decode().count('class="card"') == 4 and cached.content == fresh.content


def test_cookieless_visitors_share_the_first_page_until_a_cohort_changes(
    client, make_cohort, make_user, django_assert_num_queries
):
    make_cohort(title="Leeds, spring")
    first = client.get(LISTING)
    with django_assert_num_queries(0):
        shared = Client().get(LISTING)
    signed_in = Client()
    signed_in.force_login(make_user(Role.PARTICIPANT))
    theirs = signed_in.get(LISTING).content.decode()
    make_cohort(title="Added since")

    assert shared.content == first.content and "Leeds, spring" in first.content.decode()
    assert "Sign out" in theirs and "Sign out" not in shared.content.decode()
    assert "Added since" in Client().get(LISTING).content.decode()


# --- The trainer's calendar feed ------------------------------------------------------------------


def test_the_feed_is_kept_per_address_until_a_team_changes_and_a_new_address_works_at_once(
    client, cohort, trainer, make_cohort, django_assert_num_queries
):
    url = reverse("events:trainer_feed", args=[calendar_feed_reset(person=trainer, actor=trainer).token])
    first = client.get(url)
    with django_assert_num_queries(1):  # the address is checked every time; the body is kept
        again = client.get(url)
    make_cohort().delivery_assignments.create(trainer=trainer, role="lead")  # bumps the cohorts' generation
    later = client.get(url)
    renewed = reverse("events:trainer_feed", args=[calendar_feed_reset(person=trainer, actor=trainer).token])

    assert client.get(url).status_code == 404
    assert client.get(renewed).content.decode().count("BEGIN:VEVENT") == 4
    assert first["Cache-Control"] == "private, max-age=600"
    assert again.content == first.content and first.content.decode().count("BEGIN:VEVENT") == 2
    assert later.content.decode().count("BEGIN:VEVENT") == 4


# --- The first date of a cohort and the admin cohort listing --------------------------------------


def test_first_date_is_the_earliest_session_or_none(make_cohort):
    cohort = make_cohort(days=(44, 30))
    bare = CohortFactory()

    dates = dict(Cohort.objects.with_first_date().values_list("pk", "first_date"))

    assert dates == {cohort.pk: in_days(30), bare.pk: None}


def test_days_come_with_their_courses_title_and_kind_and_no_more_of_the_course_page(make_cohort):
    cohort = make_cohort(days=(3, 10))

    with CaptureQueriesContext(connection) as queries:
        days = list(Session.objects.with_course_names().filter(cohort=cohort))
        shown = [(str(day), day.course.kind, day.date, day.course_revision_id) for day in days]

    assert len(queries) == 1
    assert [kind for _, kind, _, _ in shown] == ["day1", "day2"]
    assert shown[0][0].startswith(days[0].course.title)
    assert {"title", "kind"}.isdisjoint(days[0].course.get_deferred_fields())
    assert {"seo_title", "search_description", "url_path", "variant"} <= days[0].course.get_deferred_fields()


def test_every_cohort_that_can_be_at_risk_is_a_candidate(make_cohort, fill):
    rules, today = current_rules(), timezone.localdate()
    soon = rules.at_risk_days - 1
    cohorts = [
        make_cohort(days=(soon, soon + 7)),
        make_cohort(days=(rules.at_risk_days, rules.at_risk_days + 7)),
        make_cohort(days=(rules.at_risk_days + 1, rules.at_risk_days + 8)),
        make_cohort(days=(-1, soon)),
        make_cohort(days=(soon, soon + 7), status=Cohort.Status.CONFIRMED),
        make_cohort(days=(200, 207)),
    ]
    fill(make_cohort(days=(soon, soon + 7)), rules.minimum_size)
    listed = list(Cohort.objects.with_counts().prefetch_related("sessions"))

    at_risk = {cohort.pk for cohort in listed if cohort.is_at_risk(rules=rules, today=today)}
    candidates = set(Cohort.objects.at_risk_candidates(rules=rules, today=today).values_list("pk", flat=True))

    assert at_risk == {cohort.pk for cohort in cohorts[:2]} | {cohorts[3].pk}
    assert at_risk <= candidates and cohorts[2].pk not in candidates and cohorts[5].pk not in candidates


def test_the_admin_cohort_listing_sorts_by_start_and_counts_without_the_figures(programme_admin, make_cohort):
    make_cohort(title="Late start", days=(60, 70))
    make_cohort(title="Early start", days=(10, 20))

    with CaptureQueriesContext(connection) as queries:
        ascending = programme_admin.get(reverse("cohorts:index"), {"ordering": "first_date"}).content.decode()
    (count,) = [query["sql"] for query in queries if query["sql"].startswith("SELECT COUNT(*)")]
    descending = programme_admin.get(reverse("cohorts:index"), {"ordering": "-first_date"}).content.decode()
    between = programme_admin.get(
        reverse("cohorts:index"), {"first_date_from": in_days(50).isoformat(), "first_date_to": in_days(65)}
    ).content.decode()

    assert ascending.index("Early start") < ascending.index("Late start")
    assert descending.index("Late start") < descending.index("Early start")
    assert "Late start" in between and "Early start" not in between
    assert "events_registration" not in count and "GROUP BY" not in count


# --- The facilitator dashboard ----------------------------------------------------------------------


def test_the_dashboard_shows_cohorts_at_risk_and_the_next_ones_then_links_to_the_rest(
    client, facilitator, make_cohort, fill, settings
):
    settings.EVENTS_DASHBOARD_COMING_COHORTS = 2
    for n in range(4):
        fill(make_cohort(title=f"Coming {n}", days=(40 + n, 50 + n)), 6)
    make_cohort(title="Short of people", days=(15, 25))
    client.force_login(facilitator)

    page = client.get(reverse("dashboard_role", args=["facilitator"])).content.decode()

    assert page.index("Short of people") < page.index("Coming 0") < page.index("Coming 1")
    assert "Coming 2" not in page and page.count("at risk") == 1
    assert "See the other 2 cohorts still to run in the admin" in page
    assert f"{reverse('cohorts:index')}?ordering=first_date&amp;first_date_from=" in page


def test_the_dashboard_keeps_a_constant_number_of_queries(
    client, facilitator, make_cohort, fill, settings, django_assert_max_num_queries
):
    settings.EVENTS_DASHBOARD_COMING_COHORTS = 3
    settings.EVENTS_DASHBOARD_CACHE_SECONDS = 0  # read every time, to count what reading costs

    def add_cohorts(count):
        for n in range(count):
            make_cohort(days=(10 + n, 20 + n))
            fill(make_cohort(days=(40 + n, 50 + n)), 2)

    add_cohorts(1)
    client.force_login(facilitator)
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("dashboard_role", args=["facilitator"]))
    add_cohorts(6)

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("dashboard_role", args=["facilitator"]))


def test_the_dashboard_loads_the_cohorts_in_two_queries_and_no_days(client, facilitator, make_cohort, fill, settings):
    """The at-risk candidates, then the next ones with how many others there are: no separate count,
    and no days (their first day comes with them; issue #8)."""
    settings.EVENTS_DASHBOARD_COMING_COHORTS = 2
    make_cohort(title="Short of people", days=(15, 25))
    for n in range(4):
        fill(make_cohort(title=f"Coming {n}", days=(40 + n, 50 + n)), 6)
    client.force_login(facilitator)

    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("dashboard_role", args=["facilitator"])).content.decode()

    assert "Short of people" in page and "See the other 2 cohorts still to run in the admin" in page
    sql = [query["sql"] for query in queries]
    assert sum(statement.startswith('SELECT "events_cohort"') for statement in sql) == 2
    assert not [statement for statement in sql if statement.startswith('SELECT "events_session"')]
    assert not [
        statement for statement in sql if statement.startswith("SELECT COUNT(*)") and "events_cohort" in statement
    ]
    # Only the columns the panel shows: not the cohort's texts nor the region's code.
    cohort_sql = [statement for statement in sql if statement.startswith('SELECT "events_cohort"')]
    assert not [statement for statement in cohort_sql if "local_details" in statement or '"code"' in statement]


def test_the_dashboards_cohorts_are_kept_per_set_of_regions_until_a_cohort_changes(
    client, make_user, facilitator, make_cohort, other_region, region
):
    colleague = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])
    elsewhere = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[other_region])
    dashboard = reverse("dashboard_role", args=["facilitator"])
    with freeze_time("2026-03-02 09:15") as clock:
        make_cohort(title="First cohort")
        make_cohort(title="Elsewhere cohort", region=other_region)
        first = page_as(client, facilitator, dashboard)
        clock.tick(datetime.timedelta(seconds=30))
        colleagues = page_as(client, colleague, dashboard)
        other = page_as(client, elsewhere, dashboard)
        make_cohort(title="Added since")
        fresh = page_as(client, facilitator, dashboard)

    assert "First cohort" in first and "Numbers as of 09:15" in first and "Elsewhere cohort" not in first
    assert "Numbers as of 09:15" in colleagues  # the same regions, nothing changed: the kept panel
    assert "Elsewhere cohort" in other and "First cohort" not in other  # never another region's
    assert "Added since" in fresh  # a new cohort shows at once


@pytest.mark.parametrize("who", ["facilitator", "trainer"])
def test_the_dashboards_and_the_cohort_page_count_only_what_they_show(client, cohort, facilitator, trainer, who):
    """They show confirmed (and waiting) people, never places left: the dearest count is not run."""
    client.force_login({"facilitator": facilitator, "trainer": trainer}[who])

    with CaptureQueriesContext(connection) as queries:
        dashboard = client.get(reverse("dashboard_role", args=[who]))
        team = client.get(reverse("events:cohort_team", args=[cohort.pk]))

    assert dashboard.status_code == team.status_code == 200 and cohort.title in dashboard.content.decode()
    assert not [query for query in queries if "places_taken_count" in query["sql"]]


# --- Mix across cohorts ----------------------------------------------------------------------------

MIX = reverse("cohort_mix:index")


def _day(date: datetime.date) -> str:
    return dateformat.format(date, "j F Y")


@pytest.fixture
def cohorts_over_time(make_cohort):
    delivered = Cohort.Status.DELIVERED
    return {
        "recent": make_cohort(title="Recently delivered", days=(-30, -20), status=delivered),
        "coming": make_cohort(title="Coming soon", days=(30, 44)),
        "old": make_cohort(title="Delivered last year", days=(-200, -190), status=delivered),
        "far": make_cohort(title="Far ahead", days=(200, 214)),
    }


def test_the_mix_summary_shows_the_last_and_coming_months_and_says_so(programme_admin, cohorts_over_time):
    start, end = default_period(timezone.localdate())

    page = programme_admin.get(MIX).content.decode()

    assert f"Cohorts starting between {_day(start)} and {_day(end)}" in page
    assert "Recently delivered" in page and "Coming soon" in page
    assert "Delivered last year" not in page and "Far ahead" not in page
    assert "0 of 2 cohorts meet the mix rule" in page


def test_the_mix_summary_covers_the_period_asked_for(programme_admin, cohorts_over_time):
    page = programme_admin.get(
        MIX, {"starts_from": in_days(-365).isoformat(), "starts_until": in_days(0).isoformat()}
    ).content.decode()

    assert f"Cohorts starting between {_day(in_days(-365))} and {_day(in_days(0))}" in page
    assert "Delivered last year" in page and "Recently delivered" in page and "Coming soon" not in page


@pytest.mark.parametrize(
    ("asked", "message"),
    [
        ({"starts_from": "soon", "starts_until": "2026-01-01"}, "That period could not be used"),
        ({"starts_from": "2026-06-01", "starts_until": "2026-01-01"}, "must come before its end"),
    ],
)
def test_a_period_that_cannot_be_used_says_so_and_shows_the_usual_one(
    programme_admin, cohorts_over_time, asked, message
):
    start, end = default_period(timezone.localdate())

    page = programme_admin.get(MIX, asked).content.decode()

    assert message in page and 'role="alert"' in page
    assert f"Cohorts starting between {_day(start)} and {_day(end)}" in page and "Coming soon" in page


def test_the_cohort_rows_come_a_page_at_a_time_keeping_the_period(programme_admin, make_cohort, settings):
    settings.EVENTS_MIX_SUMMARY_PAGE_SIZE = 2
    for n in range(3):
        make_cohort(title=f"Cohort number {n}", days=(30 + n, 44 + n))
    period = {"starts_from": in_days(0).isoformat(), "starts_until": in_days(90).isoformat()}

    first = programme_admin.get(MIX, period).content.decode()
    second = programme_admin.get(MIX, {**period, "p": 2}).content.decode()

    assert "0 of 3 cohorts meet the mix rule" in first and "0 of 3 cohorts meet the mix rule" in second
    assert "Cohort number 0" in first and "Cohort number 2" not in first
    assert "Each cohort: 1 to 2 of 3" in first and 'aria-current="page"' in first
    assert f"starts_from={period['starts_from']}" in first and "p=2" in first
    assert "Cohort number 2" in second and "Cohort number 0" not in second


def test_the_mix_summary_keeps_a_constant_number_of_queries(
    programme_admin, make_cohort, fill, settings, django_assert_max_num_queries
):
    settings.EVENTS_MIX_SUMMARY_PAGE_SIZE = 3

    def add_cohorts(count):
        for n in range(count):
            fill(make_cohort(days=(10 + n, 20 + n)), 2)

    add_cohorts(2)
    with django_assert_max_num_queries(40) as few:
        programme_admin.get(MIX)
    add_cohorts(6)
    cache.clear()

    with django_assert_max_num_queries(len(few.captured_queries)):
        page = programme_admin.get(MIX).content.decode()
    assert "0 of 8 cohorts meet the mix rule" in page


def test_the_mix_summary_is_kept_per_set_of_regions_until_a_cohort_changes(
    client, make_user, facilitator, make_cohort, other_region
):
    admin = make_user(Role.PROGRAMME_ADMIN, mfa=True)
    make_cohort(title="First cohort")
    make_cohort(title="Elsewhere", region=other_region)
    page_as(client, admin, MIX)
    with CaptureQueriesContext(connection) as kept:
        page_as(client, admin, MIX)
    make_cohort(title="Added since")
    fresh = page_as(client, admin, MIX)
    facilitators = page_as(client, facilitator, MIX)

    assert not [query for query in kept.captured_queries if '"events_cohort"' in query["sql"]]
    assert "Elsewhere" in fresh and "Added since" in fresh
    assert "Elsewhere" not in facilitators and "Added since" in facilitators


# --- The venue listing -----------------------------------------------------------------------------


def test_the_venue_listing_keeps_a_constant_number_of_queries(programme_admin, django_assert_max_num_queries):
    url = reverse("wagtailsnippets_events_venue:list")
    VenueFactory.create_batch(2)
    with django_assert_max_num_queries(40) as few:
        programme_admin.get(url)
    VenueFactory.create_batch(8)  # each in a region of its own

    with django_assert_max_num_queries(len(few.captured_queries)):
        page = programme_admin.get(url).content.decode()
    assert page.count("Community Centre") >= 10
