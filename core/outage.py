"""A database that cannot be reached answers 503, not 500 (issue #19 point 5).

While PostgreSQL restarts, every request that touches it fails: loading the session in a middleware,
or a query in a view. Django turns any of these into a call of `handler500` (config/urls.py), from
wherever in the middleware stack it was raised; a `process_exception` middleware would only see the
ones raised by views. So the decision is made here: Django's `OperationalError` and `InterfaceError`
(PEP 249: the database's operation, not a programming mistake) answer 503 with `Retry-After` and a
plain page that needs no database, and are logged once per `DATABASE_UNREACHABLE_LOG_SECONDS` across
all app processes (a key in the shared cache), instead of one traceback per request. Anything else
is still Django's 500.
"""

import logging
import sys

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

logger = logging.getLogger(__name__)

UNREACHABLE = (OperationalError, InterfaceError)
LOGGED_KEY = "core.outage.logged"


def server_error(request):
    error = sys.exc_info()[1]
    if not isinstance(error, UNREACHABLE):
        return defaults.server_error(request)
    if cache.add(LOGGED_KEY, True, timeout=settings.DATABASE_UNREACHABLE_LOG_SECONDS):
        logger.error("The database cannot be reached: %s (answering 503 meanwhile)", error)
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(settings.DATABASE_UNREACHABLE_RETRY_AFTER_SECONDS)
    return response


class SkipServiceUnavailable(logging.Filter):
    """Keeps `django.request` from logging each 503 with its traceback: `server_error` logged it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return getattr(record, "status_code", None) != 503
