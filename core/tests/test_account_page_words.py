"""allauth's pages in plain words (templates/account/signup.html and templates/mfa/authenticate.html
override allauth's whole templates; the sign-in form's label comes from `core.account_forms.LoginForm`
through `ACCOUNT_FORMS`): each page's title, its one heading, and none of allauth's own wording."""

import re

from django.urls import reverse

from conftest import PASSWORD
from core.roles import Role

SITE = " – Early Support Key Working training"


def title(html: str) -> str:
    return " ".join(re.search(r"<title>(.*?)</title>", html, re.S).group(1).split())


def headings(html: str) -> list[str]:
    return [" ".join(re.sub(r"<[^>]+>", "", h).split()) for h in re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)]


def label_for(html: str, field_id: str) -> str:
    return " ".join(re.search(rf'<label for="{field_id}"[^>]*>(.*?)</label>', html, re.S).group(1).split())


def test_the_sign_up_page_says_create_an_account(client):
    html = client.get(reverse("account_signup")).content.decode()

    assert title(html) == f"Create an account{SITE}"
    assert headings(html) == ["Create an account"]
    assert "Signup" not in html and "Sign Up" not in html and ">Sign up<" not in html
    assert re.search(r"<button[^>]*>\s*Create account\s*</button>", html)
    for field in ("email", "password1", "password2"):
        assert label_for(html, f"id_{field}")


def test_the_sign_in_page_offers_to_remember_this_device(client):
    html = client.get(reverse("account_login")).content.decode()

    assert title(html) == f"Sign in{SITE}"
    assert headings(html) == ["Sign in"]
    assert label_for(html, "id_remember") == "Remember me on this device"
    assert "Remember Me" not in html
    assert f'<a href="{reverse("account_signup")}">create an account</a> first.' in html
    assert "sign up" not in html.lower()


def test_the_code_page_asks_for_the_code_from_the_app(client, make_user, region):
    facilitator = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])
    client.post(reverse("account_login"), {"login": facilitator.email, "password": PASSWORD})

    html = client.get(reverse("mfa_authenticate")).content.decode()

    assert title(html) == f"Enter the code from your authenticator app{SITE}"
    assert headings(html) == ["Enter the code from your authenticator app"]
    assert label_for(html, "id_code")
    assert "Two-Factor Authentication" not in html and "two-factor" not in html


def test_a_wrong_code_says_so_on_the_same_page(client, make_user, region):
    facilitator = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])
    client.post(reverse("account_login"), {"login": facilitator.email, "password": PASSWORD})

    html = client.post(reverse("mfa_authenticate"), {"code": "000000"}).content.decode()

    assert title(html) == f"Error: Enter the code from your authenticator app{SITE}"
    assert headings(html) == ["Enter the code from your authenticator app"]
    assert "_auth_user_id" not in client.session


NEW_ACCOUNT = {
    "email": "pat.carer@example.org",
    "password1": "a-long-Passphrase-7",
    "password2": "a-long-Passphrase-7",
    "first_name": "Pat",
    "last_name": "Carer",
}


def test_after_signing_up_the_page_says_what_to_do_with_the_email(client):
    html = client.post(reverse("account_signup"), NEW_ACCOUNT, follow=True).content.decode()

    assert "Open the link in it to finish creating your account." in html
    assert "finalize" not in html and "signup process" not in html


def test_the_confirm_email_page_asks_about_your_own_address(client, mailoutbox):
    client.post(reverse("account_signup"), NEW_ACCOUNT)
    link = re.search(r"https?://\S+(/accounts/confirm-email/\S+/)", mailoutbox[-1].body).group(1)

    html = client.get(link).content.decode()

    assert "is your email address." in html and "for user" not in html
