"""Request-level rules: security headers, two-factor for staff roles, and who reaches the admin."""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse

from core.two_step import requires_two_step, session_passed_two_step


def _policy_header(policy: dict[str, list[str]]) -> str:
    return "; ".join(f"{directive} {' '.join(sources)}" for directive, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    """Sends `settings.CONTENT_SECURITY_POLICY` (Django 5.2 has no built-in CSP).

    Wagtail's admin writes inline scripts (date pickers, inline panels), so admin pages get
    `CONTENT_SECURITY_POLICY_ADMIN` on top; the public site never allows inline scripts.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = _policy_header(settings.CONTENT_SECURITY_POLICY)
        self.admin_header = _policy_header(
            {**settings.CONTENT_SECURITY_POLICY, **settings.CONTENT_SECURITY_POLICY_ADMIN}
        )

    def __call__(self, request):
        response = self.get_response(request)
        header = self.admin_header if request.path.startswith("/admin/") else self.header
        response.headers.setdefault("Content-Security-Policy", header)
        return response


class PreviewFramingMiddleware:
    """Lets the Wagtail editor frame its own preview; everything else keeps X-Frame-Options: DENY.

    Listed after XFrameOptionsMiddleware so that it sees the response first, and that middleware
    leaves an existing header alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/") and "/preview/" in request.path:
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        return response


def _is_open_path(path: str) -> bool:
    """Paths a person must reach before their two-factor setup is done."""
    return path.startswith(("/accounts/", "/static/", "/media/")) or path in {
        "/favicon.ico",
        "/accessibility/",
        "/privacy/",
    }


class StaffTwoFactorMiddleware:
    """Staff reach nothing with a password alone (issue #19 point 1).

    Staff without an authenticator yet are sent to set one up (only the open paths stay reachable).
    Staff who have one but whose session never passed its code are signed out everywhere and asked to
    sign in again, which asks for the code: no door may skip allauth's second step.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated or not requires_two_step(user) or session_passed_two_step(request):
            return self.get_response(request)
        if is_mfa_enabled(user):
            logout(request)
            messages.info(request, "Sign in again, with the code from your authenticator app.")
            return redirect_to_login(request.get_full_path(), reverse("account_login"))
        if _is_open_path(request.path):
            return self.get_response(request)
        messages.warning(
            request,
            "Your role can see other people's details, so it needs two-step verification. "
            "Set it up with an authenticator app to continue.",
        )
        return redirect(reverse("mfa_activate_totp"))


class AdminAccessMiddleware:
    """People without admin access get a plain 403 page, not a redirect loop through the login."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith("/admin/")
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            return render(request, "core/admin_refused.html", status=403)
        return self.get_response(request)
