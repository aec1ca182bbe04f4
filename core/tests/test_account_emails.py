"""allauth's emails and page headings in our words and layout (issue #22 point 3)."""

import pytest
from allauth.account.adapter import get_adapter
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse

from core.roles import Role

#: Every allauth email we override, with what each must say.
EMAILS = {
    "account/email/email_confirmation_signup": "confirm your email address",
    "account/email/email_confirmation": "confirm your email address",
    "account/email/password_reset_key": "choose a new password",
    "account/email/unknown_account": "there is no Early Support training account",
    "account/email/account_already_exists": "you already have an Early Support training account",
    "account/email/email_changed": "Your email address was changed",
    "account/email/email_confirm": "You confirmed",
    "account/email/email_deleted": "was removed from your account",
    "account/email/password_changed": "Your password was changed",
    "account/email/password_set": "A password was set",
    "mfa/email/totp_activated": "second step",
    "mfa/email/totp_deactivated": "no longer asks for a code",
    "mfa/email/recovery_codes_generated": "New recovery codes",
}


@pytest.mark.parametrize(("prefix", "says"), EMAILS.items())
def test_each_account_email_has_our_words_in_text_and_html(make_user, prefix, says):
    person = make_user(Role.PARTICIPANT)
    context = {
        "user": person,
        "activate_url": "http://testserver/accounts/confirm-email/k/",
        "password_reset_url": "http://testserver/accounts/password/reset/key/k/",
        "signup_url": "http://testserver/accounts/signup/",
        "email": person.email,
        "from_email": "old@example.org",
        "to_email": person.email,
        "deleted_email": "old@example.org",
        "timestamp": "4 March 2026, 10:00",
        "ip": "192.0.2.1",
    }

    email = get_adapter(RequestFactory().get("/")).render_mail(prefix, person.email, context)

    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html" and html.startswith("<!DOCTYPE html>")
    assert says.lower() in email.body.lower() and says.lower() in html.lower()
    assert email.subject.startswith("Early Support training: ")
    for part in (email.subject, email.body, html):
        assert "Hello from" not in part and "127.0.0.1" not in part and "example.com" not in part
    assert email.body.startswith(f"Hello {person.first_name},")


def test_signing_up_sends_our_confirmation_email_with_a_link_on_the_site_address(client, settings):
    settings.BASE_URL = "https://training.example.org"
    response = client.post(
        reverse("account_signup"),
        {
            "email": "kay@example.org",
            "password1": "a-long-Passphrase-7",
            "password2": "a-long-Passphrase-7",
            "first_name": "Kay",
            "last_name": "Board",
        },
    )

    assert response.status_code == 302
    (email,) = mail.outbox
    assert email.subject == "Early Support training: Please confirm your email address"
    assert email.body.startswith("Hello Kay,") and "Hello from" not in email.body
    assert "https://training.example.org/accounts/" in email.body and "testserver" not in email.body
    assert "https://training.example.org/accounts/" in email.alternatives[0][0]


def test_a_password_reset_link_is_on_the_site_address(client, make_user, settings):
    settings.BASE_URL = "https://training.example.org"
    person = make_user(Role.PARTICIPANT)

    client.post(reverse("account_reset_password"), {"email": person.email})

    (email,) = mail.outbox
    assert email.subject == "Early Support training: Reset your password"
    assert "https://training.example.org/accounts/password/reset/key/" in email.body
    assert "testserver" not in email.body


@pytest.mark.parametrize(
    ("url_name", "heading"),
    [
        ("account_signup", "Create an account"),
        ("account_login", "Sign in"),
        ("account_reset_password", "Password reset"),
    ],
)
def test_allauth_pages_have_sentence_case_headings(client, url_name, heading):
    page = client.get(reverse(url_name)).content.decode()

    assert heading in page
    assert heading.title() not in page.replace(heading, "")
