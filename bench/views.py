"""The floor and the stock front-end page, measured beside every key page in the same run."""

from django.http import HttpResponse
from django.shortcuts import render

from core.models import Region


def floor(request):
    """Exactly one query of its own, on top of whatever the middleware does for the same visitor."""
    return HttpResponse(f"{Region.objects.count()} regions\n", content_type="text/plain; charset=utf-8")


def plain_page(request):
    """The site's layout (header, navigation, footer) around no content: no query of its own."""
    return render(request, "bench/plain.html")
