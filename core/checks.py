"""Checks run when the site starts (`manage.py check`, runserver, migrate; issue #22 point 1).

Messages are sent From `DEFAULT_FROM_EMAIL` and every link in them is built on `BASE_URL`: a
`localhost` in either makes every email unanswerable or its links dead. In production (DEBUG off)
that is an error that stops the start; in development a warning.
"""

from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Warning, register

LOCAL_HOSTS = ("localhost", "127.0.0.1", "0.0.0.0", "[::1]")  # noqa: S104 - names compared, nothing bound


def _is_local(host: str) -> bool:
    return any(local in host.lower() for local in LOCAL_HOSTS)


@register()
def message_addresses(app_configs=None, **kwargs) -> list:
    def problem(message, *, hint, id):
        """An error that stops production; a warning (core.W…) in development."""
        if settings.DEBUG:
            return Warning(message, hint=hint, id=id.replace(".E", ".W"))
        return Error(message, hint=hint, id=id)

    problems = []
    sender = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    if "@" not in sender or _is_local(sender.rpartition("@")[2]):
        problems.append(
            problem(
                f"DEFAULT_FROM_EMAIL is {settings.DEFAULT_FROM_EMAIL!r}: emails would come from an address "
                "nobody can reach.",
                hint="Set DJANGO_DEFAULT_FROM_EMAIL to the platform's address, e.g. "
                "'Early Support training <training@example.org>'.",
                id="core.E001",
            )
        )
    address = urlsplit(settings.BASE_URL)
    if address.scheme not in ("http", "https") or not address.netloc or _is_local(address.netloc):
        problems.append(
            problem(
                f"BASE_URL is {settings.BASE_URL!r}: links in emails would not open for the people who get them.",
                hint="Set BASE_URL to the site's public address, e.g. https://training.example.org.",
                id="core.E002",
            )
        )
    if settings.WAGTAILADMIN_BASE_URL != settings.BASE_URL:
        problems.append(
            problem(
                "WAGTAILADMIN_BASE_URL differs from BASE_URL: Wagtail's links and the messages' would disagree.",
                hint="Set only BASE_URL; the settings derive WAGTAILADMIN_BASE_URL from it.",
                id="core.E003",
            )
        )
    return problems
