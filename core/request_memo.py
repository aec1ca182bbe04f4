"""Rows several parts of one page read, loaded once per request (issue #8).

A page is made of parts from several apps (a dashboard's panels, a trainer's navigation and view),
and some of them read the same rows. The first part to ask loads them; they are kept on the request,
never across requests, so a change shows on the next page.
"""

from collections.abc import Callable
from typing import TypeVar

from django.http import HttpRequest

T = TypeVar("T")


def once_per_request(request: HttpRequest, name: str, load: Callable[[], T]) -> T:
    """`load()` the first time `name` is asked for in this request; what it gave, every time after."""
    kept = request.__dict__.setdefault("_once_per_request", {})
    if name not in kept:
        kept[name] = load()
    return kept[name]
