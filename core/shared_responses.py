"""Whole responses shared by visitors who bring no cookies (issue #8, docs/performance.md).

A visitor with no session and no messages is anonymous for certain and sees exactly what every
other such visitor sees, so a public page can be answered from the cache without routing, querying
or rendering. Anyone with a session (signed in, or holding messages or a form in progress) always
gets the page made for them. Only plain 200 responses that set no cookie and used no CSRF token are
kept, so a form is never handed to someone else with another person's token.
"""

from collections.abc import Callable

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse


def shared_response(
    request: HttpRequest, key: Callable[[], str], timeout: int, respond: Callable[[], HttpResponse]
) -> HttpResponse:
    """`respond()`, or the response it gave another cookieless visitor within `timeout` seconds.

    `key()` names the response among the shared ones; it is worked out only for cookieless visitors."""
    if not _is_shareable_request(request):
        return respond()
    key = f"shared-response:{request.get_host()}:{key()}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    response = respond()

    def keep(rendered: HttpResponse) -> None:
        if _is_shareable_response(request, rendered):
            cache.set(key, rendered, timeout)

    if getattr(response, "is_rendered", True):
        keep(response)
    else:
        response.add_post_render_callback(keep)
    return response


def _is_shareable_request(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _is_shareable_response(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in response.get("Cache-Control", "")
    )
