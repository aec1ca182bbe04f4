"""Staff reach the admin only through allauth's sign-in with its code step (issue #19 point 1).

Every door that can sign someone in is tried with a staff password and no code: allauth's own
sign-in, its password reset, Wagtail's admin and page sign-in forms, and any other route whose view
calls Django's `login` (found by walking the URL resolver). None may reach an admin page.
The tests use Django's plain test client, not the suite's `SignInClient`: nothing is written into
the session but what the doors themselves write.
"""

import re
import sys
from urllib.parse import unquote

import django.contrib.auth
import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.models import Page

from conftest import PASSWORD, current_totp_code
from core.roles import Role

ADMIN_PAGES = ("/admin/", "/admin/registrations/")
EXPLICIT_DOORS = ("/admin/login/", "/_util/login/", "/accounts/login/")


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern.callback


def _calls_django_login(view) -> bool:
    owner = getattr(view, "view_class", view)
    modules = {getattr(cls, "__module__", None) for cls in getattr(owner, "__mro__", (owner,))} | {view.__module__}
    return any(
        any(value is django.contrib.auth.login for value in vars(sys.modules[name]).values())
        for name in modules
        if name in sys.modules
    )


def _concrete(route: str, staff) -> str:
    values = {
        "uidb64": urlsafe_base64_encode(force_bytes(staff.pk)),
        "token": default_token_generator.make_token(staff),
    }
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda match: values.get(match.group(1), "1"), route)
    return "/" + path.replace("^", "").replace("$", "")


def login_doors(staff) -> list[str]:
    """Paths still answered by a view that calls Django's `login` (patterns shadowed by ours are not)."""
    doors = set(EXPLICIT_DOORS)
    for route, view in _routes(get_resolver().url_patterns):
        if _calls_django_login(view):
            path = _concrete(route, staff)
            if _calls_django_login(resolve(path).func):
                doors.add(path)
    return sorted(doors)


def try_password(client: Client, path: str, staff) -> None:
    """What an attacker with the password does at a door: open it, post every field a sign-in form has."""
    client.get(path, follow=True)
    for field in ("login", "username", "email"):
        client.post(
            path,
            {field: staff.email, "password": PASSWORD, "new_password1": PASSWORD, "new_password2": PASSWORD},
            follow=True,
        )


def assert_no_admin_page(client: Client) -> None:
    for page in ADMIN_PAGES:
        assert client.get(page).status_code != 200, page


@pytest.fixture
def staff(make_user, region):
    return make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])


def test_the_resolver_walk_finds_the_sign_in_views():
    routes = [route for route, view in _routes(get_resolver().url_patterns) if _calls_django_login(view)]
    assert "admin/login/" in routes  # Wagtail's own form is still in its patterns, shadowed by ours
    assert "_util/login/" in routes


@pytest.mark.parametrize("who", ["facilitator", "programme_admin", "superuser"])
def test_no_door_lets_staff_in_with_a_password_alone(make_user, region, who):
    staff = {
        "facilitator": lambda: make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]),
        "programme_admin": lambda: make_user(Role.PROGRAMME_ADMIN, mfa=True),
        "superuser": lambda: make_user(mfa=True),
    }[who]()
    if who == "superuser":
        staff.is_superuser = True
        staff.save(update_fields=["is_superuser"])
    for door in login_doors(staff):
        client = Client()
        try_password(client, door, staff)
        assert_no_admin_page(client)


def test_wagtails_sign_in_forms_send_people_to_allauths_keeping_where_they_were_going(client):
    assert client.get("/admin/login/?next=/admin/pages/3/preview/")["Location"] == (
        "/accounts/login/?next=/admin/pages/3/preview/"
    )
    assert client.get("/_util/login/?next=/trainers-only/")["Location"] == "/accounts/login/?next=/trainers-only/"
    assert client.get("/admin/")["Location"].startswith("/accounts/login/")
    home = Page.objects.get(depth=2)
    preview = client.get(f"/admin/pages/{home.pk}/preview/", follow=True)
    assert unquote(preview.redirect_chain[-1][0]) == f"/accounts/login/?next=/admin/pages/{home.pk}/preview/"


def test_a_password_reset_does_not_sign_staff_in(staff):
    client = Client()
    client.post("/accounts/password/reset/", {"email": staff.email})
    link = re.search(r"/accounts/password/reset/key/\S+/", mail.outbox[-1].body).group(0)
    form_url = client.get(link)["Location"]
    client.post(form_url, {"password1": "a-brand-new-phrase", "password2": "a-brand-new-phrase"}, follow=True)

    staff.refresh_from_db()
    assert staff.check_password("a-brand-new-phrase")
    assert_no_admin_page(client)


def test_confirming_an_email_address_does_not_sign_staff_in_without_the_code(staff):
    EmailAddress.objects.filter(user=staff).update(verified=False)
    client = Client()
    client.post("/accounts/login/", {"login": staff.email, "password": PASSWORD})  # sends a new link
    link = re.search(r"/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    client.post(link, follow=True)

    assert EmailAddress.objects.get(user=staff).verified
    assert_no_admin_page(client)


def test_with_the_code_staff_reach_the_admin(staff):
    client = Client()
    client.post("/accounts/login/", {"login": staff.email, "password": PASSWORD})
    client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(staff.totp_secret)})

    for page in ADMIN_PAGES:
        assert client.get(page).status_code == 200, page


def test_a_session_that_skipped_the_code_is_signed_out_everywhere(staff):
    client = Client()
    client.force_login(staff)  # what a door without the code step would leave

    response = client.get("/accounts/email/")

    assert response["Location"].startswith("/accounts/login/?next=/accounts/email/")
    assert "_auth_user_id" not in client.session
    assert_no_admin_page(client)


def test_staff_without_an_authenticator_may_only_set_one_up(make_user, region):
    newcomer = make_user(Role.REGIONAL_FACILITATOR, regions=[region])
    client = Client()
    client.post("/accounts/login/", {"login": newcomer.email, "password": PASSWORD})

    assert client.get("/admin/")["Location"] == "/accounts/2fa/totp/activate/"
    setting_up = client.get("/accounts/2fa/totp/activate/", follow=True)  # allauth asks for the password again
    assert setting_up.status_code == 200
    assert setting_up.redirect_chain[-1][0].startswith("/accounts/reauthenticate/")


@pytest.mark.django_db(transaction=True)  # allauth says "authenticator added" once the activation commits
def test_setting_up_the_authenticator_passes_the_code_step_for_that_session(make_user, region):
    newcomer = make_user(Role.REGIONAL_FACILITATOR, regions=[region])
    client = Client()
    client.post("/accounts/login/", {"login": newcomer.email, "password": PASSWORD})
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    secret = client.get("/accounts/2fa/totp/activate/").context["form"].secret
    client.post("/accounts/2fa/totp/activate/", {"code": current_totp_code(secret)})

    assert client.get("/admin/registrations/").status_code == 200
