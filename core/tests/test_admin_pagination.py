"""A listing's page links drawn in Python are what Wagtail's `shared/pagination_nav.html` draws
(core.admin_pagination, issue #8). When a Wagtail upgrade changes that markup, these fail."""

import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from wagtail.admin.paginator import WagtailPaginator

from core.admin_pagination import pagination_html
from core.roles import Role


def _html(markup) -> str:
    return re.sub(r"\s*(<|>)\s*", r"\1", re.sub(r"\s+", " ", str(markup))).strip()


def _both(count: int, per_page: int, number: int, linkurl, query: dict) -> tuple[str, str]:
    request = RequestFactory().get("/admin/things/", query)
    paginator = WagtailPaginator(list(range(count)), per_page)
    page = paginator.page(number)
    page_range = list(paginator.get_elided_page_range(number))
    wagtail = render_to_string(
        "wagtailadmin/shared/pagination_nav.html",
        {"items": page, "linkurl": linkurl, "elided_page_range": page_range, "request": request},
    )
    return _html(pagination_html(page, linkurl, page_range, request)), _html(wagtail)


@pytest.mark.parametrize(
    ("count", "per_page", "number"),
    [(1, 20, 1), (15, 20, 1), (200, 20, 1), (200, 20, 2), (200, 20, 6), (200, 20, 10), (90000, 20, 2500)],
)
@pytest.mark.parametrize("linkurl", ["/admin/things/", "wagtailadmin_home", None, "no-such-url-name"])
def test_the_page_links_are_drawn_as_wagtails_template_draws_them(count, per_page, number, linkurl):
    quick, wagtail = _both(count, per_page, number, linkurl, {"q": "day & <night>", "p": "3", "region": ["1", "2"]})

    assert quick == wagtail


def test_the_links_keep_the_query_and_change_only_the_page():
    quick, _ = _both(200, 20, 2, "/admin/things/", {"q": "day & night", "p": "2", "region": ["1", "2"]})

    assert 'href="/admin/things/?q=day+%26+night&amp;p=1&amp;region=1&amp;region=2"' in quick
    assert (
        '<a href="/admin/things/?q=day+%26+night&amp;p=2&amp;region=1&amp;region=2" aria-current="page">2</a>' in quick
    )
    assert "Page 2 of 10" in quick and "200 items" in quick


def test_a_platform_listing_draws_its_page_links_so(client, make_user, region):
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))

    response = client.get("/admin/regions/")

    assert "core/admin/quick_index_results.html" in [template.name for template in response.templates]
    assert '<nav class="pagination" aria-label="Pagination">' in response.content.decode()
    assert "Page 1 of 1" in response.content.decode()
