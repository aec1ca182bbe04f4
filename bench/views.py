"""The floor: the cheapest page the stack can serve, measured beside every key page in the same run."""

from django.http import HttpResponse

from core.models import Region


def floor(request):
    """Exactly one query of its own, on top of whatever the middleware does for the same visitor."""
    return HttpResponse(f"{Region.objects.count()} regions\n", content_type="text/plain; charset=utf-8")
