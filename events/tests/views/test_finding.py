"""Finding a course: the listing's filters, what each cohort says, and links to it (issue #23 point 1)."""

from django.urls import reverse

from events.tests.factories import LocalAuthorityFactory

LISTING = reverse("events:cohort_list")


def test_the_listing_filters_by_local_authority(client, make_cohort, region):
    leeds = make_cohort(title="Leeds, spring")
    make_cohort(title="Bradford, spring", local_authority=LocalAuthorityFactory(region=region))

    page = client.get(LISTING, {"local_authority": leeds.local_authority.code}).content.decode()

    assert "Leeds, spring" in page and "Bradford, spring" not in page
    assert "1 course open for registration that match your choices" in page


def test_the_listing_filters_by_course(client, make_cohort, courses):
    make_cohort(title="Both days", path="full")
    make_cohort(title="Day 2 only", path="day2")

    page = client.get(LISTING, {"course": courses["day1"].pk}).content.decode()

    assert "Both days" in page and "Day 2 only" not in page


def test_the_listing_filters_by_the_month_a_cohort_starts(client, make_cohort):
    soon = make_cohort(title="Soon", days=(3, 10))
    make_cohort(title="Later", days=(70, 77))
    month = soon.sessions.order_by("date").first().date.strftime("%Y-%m")

    page = client.get(LISTING, {"month": month}).content.decode()

    assert "Soon" in page and "Later" not in page


def test_page_links_keep_every_filter(client, make_cohort, region, settings):
    settings.EVENTS_COHORT_LIST_PAGE_SIZE = 1
    first = make_cohort(title="One")
    make_cohort(title="Two", local_authority=first.local_authority)

    page = client.get(LISTING, {"region": region.code, "local_authority": first.local_authority.code}).content.decode()

    assert (
        f'href="?region={region.code}&amp;local_authority={first.local_authority.code}&amp;page=2" rel="next"' in page
    )


def test_two_filtered_listings_never_share_a_cached_page(client, make_cohort, region):
    make_cohort(title="Leeds, spring")
    make_cohort(title="Bradford, spring", local_authority=LocalAuthorityFactory(region=region, code="E08000032"))

    client.get(LISTING)
    filtered = client.get(LISTING, {"local_authority": "E08000032"}).content.decode()

    assert "Bradford, spring" in filtered and "Leeds, spring" not in filtered


def test_an_unknown_filter_says_so_and_lists_nothing(client, make_cohort):
    make_cohort(title="Leeds, spring")

    for query in ({"local_authority": "nowhere"}, {"course": "999999"}, {"month": "1999-01"}):
        response = client.get(LISTING, query)
        page = response.content.decode()
        assert response.status_code == 404
        assert "Leeds, spring" not in page
        assert "Choose" in page


def test_each_cohort_says_places_left_parent_carers_welcome_and_venue_access(client, cohort):
    page = client.get(LISTING).content.decode()

    assert "16 places left" in page
    assert "Parent carers and young people are welcome" in page
    assert cohort.venue.accessibility in page


def test_the_home_and_course_pages_link_to_the_listing(client, make_cohort, courses):
    make_cohort()
    home = client.get("/").content.decode()
    course = client.get(courses["day1"].url).content.decode()

    assert f'href="{LISTING}"' in home
    assert f'href="{LISTING}?course={courses["day1"].pk}"' in course


def test_newcomers_have_key_working_and_send_explained(client, cohort, participant):
    """Where a newcomer first meets the words: the home page and the registration page (issue #23)."""
    client.force_login(participant)
    pages = [client.get("/"), client.get(reverse("events:register", args=[cohort.pk]))]

    for page in pages:
        html = page.content.decode()
        assert '<abbr title="special educational needs and disabilities">SEND</abbr>' in html
        assert "A key worker is one person who helps a family." in html
