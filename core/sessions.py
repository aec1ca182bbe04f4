"""How long a sign-in lasts, by role (issue #19 point 5; OWASP ASVS 4.0 V3.3.2, level 2).

Two limits, each a setting per role: signed in at most `*_ABSOLUTE_SECONDS` since the sign-in, and
unused for at most `*_IDLE_SECONDS`. Staff (core.two_step.requires_two_step) get the short ones.
Both times live in the session itself, so every app process reads the same; the last-seen time is
written only when it is `SESSION_ACTIVITY_WRITE_SECONDS` old, so most requests save nothing.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout, user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.urls import reverse

from core.two_step import requires_two_step

SIGNED_IN_AT = "signed_in_at"
LAST_SEEN_AT = "last_seen_at"


@dataclass(frozen=True)
class SessionLimits:
    absolute_seconds: int
    idle_seconds: int


def session_limits(user) -> SessionLimits:
    if requires_two_step(user):
        return SessionLimits(settings.SESSION_STAFF_ABSOLUTE_SECONDS, settings.SESSION_STAFF_IDLE_SECONDS)
    return SessionLimits(settings.SESSION_PERSON_ABSOLUTE_SECONDS, settings.SESSION_PERSON_IDLE_SECONDS)


def session_expired(session, limits: SessionLimits, now: float) -> bool:
    signed_in_at = session.setdefault(SIGNED_IN_AT, now)
    last_seen_at = session.get(LAST_SEEN_AT, signed_in_at)
    if now - signed_in_at > limits.absolute_seconds or now - last_seen_at > limits.idle_seconds:
        return True
    if now - last_seen_at >= settings.SESSION_ACTIVITY_WRITE_SECONDS or LAST_SEEN_AT not in session:
        session[LAST_SEEN_AT] = now
    return False


@receiver(user_logged_in, dispatch_uid="core.sessions.stamp_sign_in")
def stamp_sign_in(sender, request, user, **kwargs) -> None:
    """A sign-in starts the clock again, even in a session kept from before it."""
    request.session[SIGNED_IN_AT] = request.session[LAST_SEEN_AT] = time.time()


class SessionLifetimeMiddleware:
    """Signs out a session past its role's limits and asks the person to sign in again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and session_expired(request.session, session_limits(user), time.time()):
            logout(request)
            messages.info(request, "You were signed out to keep your account safe. Please sign in again.")
            return redirect_to_login(request.get_full_path(), reverse("account_login"))
        return self.get_response(request)
