"""Search across the published course content (issue #3, point 8), and serving the pages."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.views import serve

from core.shared_responses import shared_response
from courses.caching import content_stamp
from courses.selectors import search_pages

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        results = Paginator(search_pages(query, request.user), RESULTS_PER_PAGE).get_page(request.GET.get("page"))
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
