"""Every link in every message, on the one configured site address (issue #22 point 1).

`BASE_URL` (config/settings, docs/deployment.md) is the public address; Wagtail's
`WAGTAILADMIN_BASE_URL` is set from it, and `core.checks` refuses to start production with a
`localhost` or `127.0.0.1` address. Read from settings, not the database, so a sweep's thousands of
emails cost no query for it (issue #8).
"""

from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` ("/my/courses/") on the site's public address."""
    return settings.BASE_URL.rstrip("/") + path
