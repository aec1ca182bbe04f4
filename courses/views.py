"""Search across the published course content (issue #3, point 8), and serving the pages."""

import unicodedata

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.search.utils import parse_query_string
from wagtail.views import serve

from core.shared_responses import shared_response
from courses.caching import content_stamp
from courses.selectors import search_pages

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def typed_text(raw: str) -> str:
    """What the person typed, as one line of words: control characters (a NUL ends the database's
    string early) become spaces, and at most MAX_QUERY_LENGTH characters are kept."""
    words = "".join(" " if unicodedata.category(char) == "Cc" else char for char in raw).split()
    return " ".join(words)[:MAX_QUERY_LENGTH]


def search_terms(text: str):
    """Words and "quoted phrases", parsed by Wagtail: a quote never reaches the database's
    full-text syntax, where a lone or inner one was an error (issue #19 point 5)."""
    _filters, terms = parse_query_string(text)
    return terms


def search(request):
    query = typed_text(request.GET.get("q", ""))
    results = None
    if query:
        results = Paginator(search_pages(search_terms(query), request.user), RESULTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
    return render(request, "courses/search.html", {"query": query, "results": results})


def serve_page(request, path: str):
    """Wagtail's page serving, with the whole page shared between cookieless visitors for
    `COURSES_PAGE_CACHE_SECONDS` (core.shared_responses): keyed on the content stamp, so publishing
    shows at once, as on the cached page bodies (courses.caching)."""
    return shared_response(
        request,
        lambda: f"page:{request.path}:{content_stamp()}",
        settings.COURSES_PAGE_CACHE_SECONDS,
        lambda: serve(request, path),
    )
