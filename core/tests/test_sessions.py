"""Sign-ins end after their role's absolute and idle limits (core.sessions; issue #19 point 5)."""

import datetime

import pytest
from django.conf import settings
from freezegun import freeze_time

from config.settings import base
from core.roles import Role
from core.sessions import LAST_SEEN_AT

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def later(seconds: float) -> datetime.datetime:
    return START + datetime.timedelta(seconds=seconds)


def is_signed_in(client, path: str) -> bool:
    response = client.get(path)
    if response.status_code == 302 and response["Location"].startswith("/accounts/login/"):
        assert "_auth_user_id" not in client.session
        return False
    return True


@pytest.fixture(autouse=True)
def real_limits(settings):
    """The test settings let sign-ins last (other tests travel in time): here the real ones apply."""
    for name in (
        "SESSION_STAFF_ABSOLUTE_SECONDS",
        "SESSION_STAFF_IDLE_SECONDS",
        "SESSION_PERSON_ABSOLUTE_SECONDS",
        "SESSION_PERSON_IDLE_SECONDS",
    ):
        setattr(settings, name, getattr(base, name))


@pytest.fixture
def staff(client, make_user, region):
    with freeze_time(START):
        client.force_login(make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]))
    return client


@pytest.fixture
def participant(client, make_user):
    with freeze_time(START):
        client.force_login(make_user(Role.PARTICIPANT))
    return client


def test_staff_are_signed_out_after_the_idle_limit(staff):
    with freeze_time(later(settings.SESSION_STAFF_IDLE_SECONDS - 60)):
        assert is_signed_in(staff, "/admin/")
    with freeze_time(later(2 * settings.SESSION_STAFF_IDLE_SECONDS - 60)):
        assert is_signed_in(staff, "/admin/")  # each visit starts the idle time again
    with freeze_time(later(3 * settings.SESSION_STAFF_IDLE_SECONDS)):
        assert not is_signed_in(staff, "/admin/")


@pytest.mark.parametrize(
    ("who", "path", "idle", "absolute"),
    [
        ("staff", "/admin/", "SESSION_STAFF_IDLE_SECONDS", "SESSION_STAFF_ABSOLUTE_SECONDS"),
        ("participant", "/dashboard/", "SESSION_PERSON_IDLE_SECONDS", "SESSION_PERSON_ABSOLUTE_SECONDS"),
    ],
)
def test_busy_people_sign_in_again_after_the_absolute_limit(request, who, path, idle, absolute):
    client = request.getfixturevalue(who)
    step = getattr(settings, idle) - 60
    elapsed = step
    while elapsed <= getattr(settings, absolute):
        with freeze_time(later(elapsed)):
            assert is_signed_in(client, path), elapsed
        elapsed += step
    with freeze_time(later(elapsed)):
        assert not is_signed_in(client, path)


def test_participants_keep_their_sign_in_longer(participant):
    with freeze_time(later(settings.SESSION_STAFF_ABSOLUTE_SECONDS + 60)):
        assert is_signed_in(participant, "/dashboard/")
    with freeze_time(later(settings.SESSION_STAFF_ABSOLUTE_SECONDS + settings.SESSION_PERSON_IDLE_SECONDS + 120)):
        assert not is_signed_in(participant, "/dashboard/")


def test_a_visit_within_a_minute_saves_nothing_to_the_session(participant):
    with freeze_time(later(120)):
        participant.get("/dashboard/")
        seen = participant.session[LAST_SEEN_AT]
    with freeze_time(later(120 + settings.SESSION_ACTIVITY_WRITE_SECONDS - 1)):
        participant.get("/dashboard/")
        assert participant.session[LAST_SEEN_AT] == seen
