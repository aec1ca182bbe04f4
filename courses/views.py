"""Search across the published course content (issue #3, point 8)."""

from django.core.paginator import Paginator
from django.shortcuts import render

from courses.selectors import search_pages

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        results = Paginator(search_pages(query, request.user), RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "courses/search.html", {"query": query, "results": results})
