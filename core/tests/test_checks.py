"""The site does not start in production with an unreachable From address or a local site address (issue #22)."""

import pytest

from core.checks import message_addresses


def _ids(settings) -> set[str]:
    return {problem.id for problem in message_addresses()}


def test_the_test_settings_pass(settings):
    assert _ids(settings) == set()


@pytest.mark.parametrize("sender", ["Early Support training <no-reply@localhost>", "nobody", "x@127.0.0.1"])
def test_a_local_from_address_stops_production(settings, sender):
    settings.DEBUG = False
    settings.DEFAULT_FROM_EMAIL = sender

    assert _ids(settings) == {"core.E001"}


@pytest.mark.parametrize("address", ["http://127.0.0.1:8000", "http://localhost", "training.example.org", ""])
def test_a_local_or_partial_site_address_stops_production(settings, address):
    settings.DEBUG = False
    settings.BASE_URL = settings.WAGTAILADMIN_BASE_URL = address

    assert _ids(settings) == {"core.E002"}


def test_wagtails_address_must_be_the_sites(settings):
    settings.DEBUG = False
    settings.WAGTAILADMIN_BASE_URL = "https://elsewhere.example.org"

    assert _ids(settings) == {"core.E003"}


def test_in_development_they_are_warnings(settings):
    settings.DEBUG = True
    settings.BASE_URL = settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"

    assert _ids(settings) == {"core.W002"}
