"""allauth's forms left empty say what to enter, by each field and in the summary (issue #23.3)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from core.roles import Role

GENERIC = "This field is required."


def messages_by_field(page: str) -> dict[str, str]:
    """Each field's error as drawn by the field template: {field id: message}."""
    return {
        field_id: re.sub(r"<[^>]+>|Error:", "", message).strip()
        for field_id, message in re.findall(r'id="(id_\w+)_error"[^>]*>(.*?)</p>', page, re.S)
    }


def assert_specific(response, expected: dict[str, str]) -> None:
    page = response.content.decode()
    assert response.status_code == 200
    assert GENERIC not in page
    shown = messages_by_field(page)
    for field_id, message in expected.items():
        assert message in shown.get(field_id, ""), (field_id, shown)
        assert f'href="#{field_id}"' in page  # the error summary links to the field


def test_sign_in_left_empty(client, db):
    response = client.post(reverse("account_login"), {})
    assert_specific(response, {"id_login": "Enter your email address", "id_password": "Enter your password"})


def test_sign_up_left_empty(client, db):
    response = client.post(reverse("account_signup"), {})
    assert_specific(
        response,
        {
            "id_email": "Enter your email address",
            "id_first_name": "Enter your first name",
            "id_last_name": "Enter your last name",
            "id_password1": "Enter a password",
            "id_password2": "Enter your password again",
        },
    )


def test_password_reset_left_empty(client, db):
    response = client.post(reverse("account_reset_password"), {})
    assert_specific(response, {"id_email": "Enter your email address"})


def test_new_password_from_the_reset_link_left_empty(client, make_user):
    user = make_user(Role.PARTICIPANT)
    client.post(reverse("account_reset_password"), {"email": user.email})
    link = re.search(r"/accounts/password/reset/key/\S+/", mail.outbox[-1].body).group(0)
    form_url = client.get(link)["Location"]

    response = client.post(form_url, {})

    assert_specific(response, {"id_password1": "Enter a new password", "id_password2": "Enter your new password again"})
    user.refresh_from_db()
    assert user.has_usable_password()


@pytest.mark.parametrize("form", ["change", "email"])
def test_signed_in_account_forms_left_empty(client, make_user, form):
    client.force_login(make_user(Role.PARTICIPANT))
    if form == "change":
        response = client.post(reverse("account_change_password"), {})
        expected = {
            "id_oldpassword": "Enter your current password",
            "id_password1": "Enter a new password",
            "id_password2": "Enter your new password again",
        }
    else:
        response = client.post(reverse("account_email"), {"action_add": ""})
        expected = {"id_email": "Enter your email address"}
    assert_specific(response, expected)
