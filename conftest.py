"""Fixtures every app's tests share: the Wagtail site and people in each role."""

import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Collection, Locale, Page

from core.bootstrap.consent import ensure_consent_wording
from core.bootstrap.roles import ensure_roles
from core.bootstrap.site import ensure_site
from core.models import Region
from core.roles import Role
from core.services.roles import facilitator_regions_set, role_grant
from core.tests.clients import SignInClient
from core.tests.factories import PASSWORD, UserFactory  # noqa: F401 - PASSWORD is shared with the tests


class SilentOutput:
    demo = False

    def step(self, message):
        pass

    notice = step


def restore_wagtail_roots() -> None:
    """After a transactional test Django empties every table, including the rows Wagtail's own
    migrations create (locale, root page, root collection): put them back.
    See docs/decisions/0003-transactional-tests-rebuild-wagtail-roots.md."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page)))
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")


def build_site() -> None:
    """Home page, footer pages and the four role groups, built by the real bootstrap steps."""
    restore_wagtail_roots()
    ensure_site(SilentOutput())
    ensure_roles(SilentOutput())
    ensure_consent_wording(SilentOutput())


@pytest.fixture(autouse=True)
def site(db):
    build_site()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits and used TOTP codes live in the cache: each test starts with none, and reads the
    programme's settings from its own database."""
    cache.clear()


@pytest.fixture
def client():
    """pytest-django's `client`, signing staff in as a real sign-in with the code would."""
    return SignInClient()


@pytest.fixture
def region(db):
    return Region.objects.create(code="E12000007", name="London")


@pytest.fixture
def other_region(db):
    return Region.objects.create(code="E12000001", name="North East")


@pytest.fixture
def make_user(db):
    """make_user(role, email=..., mfa=False, regions=[...]) -> a verified person holding `role`."""

    def make(role: Role | None = None, *, email: str | None = None, mfa: bool = False, regions=()):
        user = UserFactory(**({"email": email} if email else {}))
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        if role is not None:
            role_grant(user=user, role=role, actor=None)
        if regions:
            facilitator_regions_set(user=user, regions=list(regions), actor=None)
        if mfa:
            user.totp_secret = generate_totp_secret()
            TOTP.activate(user, user.totp_secret)
        return user

    return make


@pytest.fixture
def run_tasks(transactional_db):
    """Process every queued task with the real database worker, as production's `db_worker` does.

    The worker closes connections between tasks like a real process, so tests using it run with
    committed transactions (`transactional_db`) rather than inside one rolled-back transaction.
    """

    def run() -> None:
        call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)

    return run


#: allauth accepts only the code of the current 30-second window (`MFA_TOTP_TOLERANCE` 0), so a code
#: read this close to the window's end may be stale by the time the form is checked.
TOTP_CODE_MARGIN_SECONDS = 4


def current_totp_code(secret: str) -> str:
    """The code an authenticator app shows for `secret`, still valid when it is checked: in the last
    seconds of a window this waits for the next one, as a person would wait for a fresh code."""
    period = mfa_settings.TOTP_PERIOD
    left = period - time.time() % period
    if left < TOTP_CODE_MARGIN_SECONDS:
        time.sleep(left + 0.05)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))
