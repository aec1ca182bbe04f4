"""The keyboard shortcuts dialog and the browser script's configuration are drawn once and reused,
and still right for each person and request (core.admin_chrome, issue #8)."""

import json
import re
import time

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from core.admin_chrome import kept_wagtail_config
from core.roles import Role
from core.tests.clients import SignInClient

MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15"
LINUX = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/132.0"
SHORTCUTS_OFF = "Keyboard shortcuts are currently disabled"


@pytest.fixture
def facilitator(make_user, region):
    return make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])


def _admin_home(client, **headers) -> str:
    response = client.get(reverse("wagtailadmin_home"), headers=headers)
    assert response.status_code == 200
    return response.text


def _dialog(page: str) -> str:
    return re.search(r'id="keyboard-shortcuts-dialog".*?</table>', page, re.S).group(0)


def _config(page: str) -> dict:
    found = re.search(r'<script id="wagtail-config" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(found.group(1))


def test_the_dialog_shows_each_browser_its_own_keys(client, facilitator):
    client.force_login(facilitator)

    for _ in range(2):
        on_a_mac = _dialog(_admin_home(client, user_agent=MAC))
        elsewhere = _dialog(_admin_home(client, user_agent=LINUX))

        assert "⌘ + s" in on_a_mac and "Ctrl + s" not in on_a_mac
        assert "Ctrl + s" in elsewhere and "⌘" not in elsewhere
        assert "Paste and match style" in on_a_mac and "Paste without formatting" in elsewhere


def test_the_dialog_follows_a_persons_shortcuts_setting_changed_elsewhere(client, facilitator):
    client.force_login(facilitator)
    assert SHORTCUTS_OFF not in _admin_home(client)

    UserProfile.objects.create(user=facilitator, keyboard_shortcuts=False)
    client.force_login(facilitator)  # a new session: the person is read again, as on their next page

    assert SHORTCUTS_OFF in _admin_home(client)
    assert _config(_admin_home(client))["KEYBOARD_SHORTCUTS_ENABLED"] is False


def _request(user, **extra):
    request = RequestFactory().get("/admin/")
    request.user = user
    return {"request": request, **extra}


def _without_token(config: dict) -> dict:
    return {key: value for key, value in config.items() if key != "CSRF_TOKEN"}


@pytest.mark.parametrize("shortcuts", [True, False])
def test_the_kept_configuration_is_what_wagtail_packs_for_the_same_request(facilitator, shortcuts):
    UserProfile.objects.create(user=facilitator, keyboard_shortcuts=shortcuts)
    welsh, _ = Locale.objects.get_or_create(language_code="cy")

    for context in (_request(facilitator), _request(facilitator, locale=welsh), _request(facilitator)):
        wagtails = wagtailadmin_tags.wagtail_config(context)
        kept = kept_wagtail_config(context)

        assert _without_token(kept) == _without_token(wagtails)
        assert kept["CSRF_TOKEN"] and kept["CSRF_TOKEN"] != wagtails["CSRF_TOKEN"]  # masked afresh each time


def test_the_token_in_a_kept_configuration_is_the_visitors_own(make_user, region, facilitator):
    """The browser script sends the configuration's token with its requests (here: dismissing a tip)."""
    visitors = [SignInClient(enforce_csrf_checks=True) for _ in range(2)]
    visitors[0].force_login(facilitator)
    visitors[1].force_login(make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]))
    tokens = [[_config(_admin_home(visitor))["CSRF_TOKEN"] for _ in range(2)] for visitor in visitors]

    def dismiss(visitor, token):
        body = json.dumps({"tip": True})
        return visitor.patch(reverse("wagtailadmin_dismissibles"), body, "application/json", HTTP_X_CSRFTOKEN=token)

    assert dismiss(visitors[0], tokens[0][1]).status_code == 200
    assert dismiss(visitors[1], tokens[1][1]).status_code == 200
    assert dismiss(visitors[0], tokens[1][1]).status_code == 403


def test_a_locale_added_here_shows_on_the_next_page(client, facilitator):
    client.force_login(facilitator)
    assert "cy" not in {locale["code"] for locale in _config(_admin_home(client))["LOCALES"]}

    Locale.objects.create(language_code="cy")

    assert "cy" in {locale["code"] for locale in _config(_admin_home(client))["LOCALES"]}


def test_a_locale_added_by_another_process_shows_after_the_timeout(client, facilitator, settings):
    settings.ADMIN_CHROME_CACHE_SECONDS = 0.2
    client.force_login(facilitator)
    _admin_home(client)

    Locale.objects.bulk_create([Locale(language_code="cy")])  # no signal, as in another process
    assert "cy" not in {locale["code"] for locale in _config(_admin_home(client))["LOCALES"]}
    time.sleep(0.25)

    assert "cy" in {locale["code"] for locale in _config(_admin_home(client))["LOCALES"]}
