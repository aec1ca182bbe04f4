"""Fixtures every app's tests share: the Wagtail site and people in each role."""

import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.core.cache import cache

from core.bootstrap.roles import ensure_roles
from core.bootstrap.site import ensure_site
from core.models import Region, User
from core.roles import Role
from core.services.roles import facilitator_regions_set, role_grant


class SilentOutput:
    demo = False

    def step(self, message):
        pass

    notice = step


def build_site() -> None:
    """Home page, footer pages and the four role groups, built by the real bootstrap steps."""
    ensure_site(SilentOutput())
    ensure_roles(SilentOutput())


@pytest.fixture(autouse=True)
def site(db):
    build_site()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits and used TOTP codes live in the cache: each test starts with none."""
    cache.clear()


@pytest.fixture
def region(db):
    return Region.objects.create(code="E12000007", name="London")


@pytest.fixture
def other_region(db):
    return Region.objects.create(code="E12000001", name="North East")


PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def make_user(db):
    """make_user(role, email=..., mfa=False, regions=[...]) -> a verified person holding `role`."""
    counter = iter(range(1, 10_000))

    def make(role: Role | None = None, *, email: str | None = None, mfa: bool = False, regions=()):
        email = email or f"person{next(counter)}@example.org"
        user = User.objects.create_user(email, PASSWORD, first_name="Test", last_name="Person")
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        if role is not None:
            role_grant(user=user, role=role, actor=None)
        if regions:
            facilitator_regions_set(user=user, regions=list(regions), actor=None)
        if mfa:
            user.totp_secret = generate_totp_secret()
            TOTP.activate(user, user.totp_secret)
        return user

    return make


def current_totp_code(secret: str) -> str:
    """The code an authenticator app would show now for `secret`."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))
