"""The site's URLs plus two views that fail, for core/tests/test_outage.py."""

from django.db import InterfaceError, OperationalError
from django.urls import path

from config.urls import handler500
from config.urls import urlpatterns as site_urlpatterns


def database_refused(request):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


def database_gone(request):
    raise InterfaceError("connection already closed")


def bug(request):
    raise ValueError("a mistake in the code")


urlpatterns = [
    path("refused/", database_refused),
    path("gone/", database_gone),
    path("bug/", bug),
    *site_urlpatterns,
]

__all__ = ["handler500", "urlpatterns"]
