"""A page is found from its URL in one query however deep it sits (core.models.HomePage.route)."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def _route(url) -> tuple[Page | None, int]:
    request = RequestFactory().get(url)
    with CaptureQueriesContext(connection) as queries:
        found = Page.find_for_request(request, url)
    return found, len(queries)


def test_a_deeper_page_costs_no_more_queries_to_find(programme, course, section):
    _route(programme.url)  # the site's root paths are cached on first use
    found = [_route(page.url) for page in (programme, course, section)]
    assert [page.specific for page, _ in found] == [programme, course, section]
    assert len({queries for _, queries in found}) == 1


def test_draft_and_unknown_pages_are_not_found(client, course, section):
    section.unpublish()
    assert client.get(section.url_path.removeprefix(course.get_site().root_page.url_path).join("//")).status_code == 404
    assert client.get(f"{course.url}no-such-page/").status_code == 404
    assert client.get(course.url).status_code == 200
