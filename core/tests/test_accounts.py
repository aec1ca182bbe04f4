"""Sign-up, email verification, sign-in, password reset, two-step verification, rate limits."""

import datetime
import re
import time

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import format_hotp_value, generate_totp_secret, hotp_value
from django.core import mail
from django.urls import reverse
from freezegun import freeze_time

from conftest import PASSWORD, current_totp_code
from core.models import User
from core.roles import Role

SIGNUP = {
    "first_name": "Amira",
    "last_name": "Hussain",
    "email": "amira@example.org",
    "password1": "a-long-memorable-phrase",
    "password2": "a-long-memorable-phrase",
}


def confirmation_link() -> str:
    return re.search(r"/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)


def test_signup_makes_a_participant_and_sends_a_verification_email(client):
    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="amira@example.org")
    assert user.get_full_name() == "Amira Hussain"
    assert user.has_role(Role.PARTICIPANT)
    assert not EmailAddress.objects.get(user=user).verified
    assert mail.outbox[-1].to == ["amira@example.org"]
    assert "_auth_user_id" not in client.session


def test_an_unverified_person_cannot_sign_in(client):
    client.post(reverse("account_signup"), SIGNUP)
    client.logout()

    response = client.post(reverse("account_login"), {"login": SIGNUP["email"], "password": SIGNUP["password1"]})

    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_verifying_the_email_signs_the_person_in_to_their_dashboard(client):
    client.post(reverse("account_signup"), SIGNUP)

    response = client.post(confirmation_link())

    assert EmailAddress.objects.get(email="amira@example.org").verified
    assert response["Location"] == reverse("dashboard")
    assert client.get(response["Location"])["Location"] == "/dashboard/participant/"


def test_the_header_sends_people_back_to_the_page_they_were_on(client):
    page = client.get("/my-data/?x=1", follow=True).content.decode()
    here = client.get("/privacy/").content.decode()

    assert 'href="/accounts/signup/?next=/my-data/%3Fx%3D1"' in page
    assert 'href="/accounts/signup/?next=/privacy/"' in here and 'href="/accounts/login/?next=/privacy/"' in here


def test_next_is_kept_through_sign_up_and_email_confirmation(client):
    client.post(f"{reverse('account_signup')}?next=/cohorts/7/register/", {**SIGNUP, "next": "/cohorts/7/register/"})

    page = client.get(confirmation_link())  # the page people open from the email, with its button
    response = client.post(confirmation_link())

    assert page.status_code == 200 and b"Confirm" in page.content

    assert EmailAddress.objects.get(email="amira@example.org").verified
    assert response["Location"] == "/cohorts/7/register/"


def test_signing_up_twice_with_one_email_is_refused(client, make_user):
    make_user(email="amira@example.org")

    client.post(reverse("account_signup"), SIGNUP)

    assert User.objects.filter(email__iexact="amira@example.org").count() == 1


def test_signup_with_a_weak_password_writes_nothing(client):
    response = client.post(reverse("account_signup"), {**SIGNUP, "password1": "12345", "password2": "12345"})

    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert not User.objects.exists()
    assert not mail.outbox


def test_password_reset_sends_a_link_that_sets_a_new_password(client, make_user):
    user = make_user(Role.PARTICIPANT)

    client.post(reverse("account_reset_password"), {"email": user.email})
    link = re.search(r"/accounts/password/reset/key/\S+/", mail.outbox[-1].body).group(0)
    form_url = client.get(link)["Location"]
    client.post(form_url, {"password1": "a-brand-new-phrase", "password2": "a-brand-new-phrase"})

    user.refresh_from_db()
    assert user.check_password("a-brand-new-phrase")


def test_a_person_with_an_authenticator_is_asked_for_a_code(client, make_user, region):
    facilitator = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])

    response = client.post(reverse("account_login"), {"login": facilitator.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session

    right = client.post(reverse("mfa_authenticate"), {"code": current_totp_code(facilitator.totp_secret)})
    assert right["Location"] == reverse("dashboard")
    assert client.get("/admin/").status_code == 200


def test_failed_sign_ins_lock_the_account_for_a_while_even_with_the_right_password(client, make_user):
    user = make_user(Role.PARTICIPANT)
    for _ in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "wrong"})

    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    assert b"Too many failed login attempts" in response.content
    assert "_auth_user_id" not in client.session


def test_sign_in_attempts_from_one_address_are_rate_limited(client, make_user):
    statuses = [
        client.post(reverse("account_login"), {"login": f"p{n}@example.org", "password": "x"}).status_code
        for n in range(31)
    ]

    assert statuses[:10] == [200] * 10
    assert 429 in statuses


def test_signups_are_rate_limited(client):
    statuses = [
        client.post(reverse("account_signup"), {**SIGNUP, "email": f"p{n}@example.org"}).status_code for n in range(11)
    ]

    assert statuses[-1] == 429
    assert User.objects.count() == 10


def test_a_code_read_at_the_end_of_its_window_is_the_next_windows_code():
    """The tests' authenticator (conftest `current_totp_code`) never hands out a code about to expire:
    allauth checks only the current window, and a browser sign-in takes a moment (a flaky CI run)."""
    secret = generate_totp_secret()
    with freeze_time("2026-12-07 10:00:28.5", tick=True):
        code = current_totp_code(secret)
        now = time.time()

    assert now >= datetime.datetime(2026, 12, 7, 10, 0, 30, tzinfo=datetime.UTC).timestamp()
    assert code == format_hotp_value(hotp_value(secret, int(now) // 30))
    assert code != format_hotp_value(hotp_value(secret, (int(now) // 30) - 1))
