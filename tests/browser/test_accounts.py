"""Journeys through accounts and roles (issue #2)."""

import re

from django.core import mail
from playwright.sync_api import expect

from core.models import User
from core.roles import Role
from tests.browser.conftest import assert_accessible, link_in_last_email, sign_in


def test_a_new_participant_signs_up_verifies_their_email_and_sees_their_dashboard(page, live_server, csp_violations):
    page.goto(live_server.url + "/")
    assert_accessible(page)
    page.get_by_role("link", name="Create an account").first.click()
    assert_accessible(page)

    page.get_by_label("First name").fill("Amira")
    page.get_by_label("Last name").fill("Hussain")
    page.get_by_label("Email").fill("amira@example.org")
    page.get_by_label("Password", exact=True).fill("a-long-memorable-phrase")
    page.get_by_label("Password (again)").fill("a-long-memorable-phrase")
    page.get_by_role("button", name="Create account").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Verify")
    assert_accessible(page)
    assert mail.outbox[-1].to == ["amira@example.org"]
    page.goto(link_in_last_email(r"http://\S+/accounts/confirm-email/\S+"))
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()

    if "/accounts/login/" in page.url:
        sign_in(page, live_server, User.objects.get(email="amira@example.org"), "a-long-memorable-phrase")
    expect(page).to_have_url(re.compile(r"/dashboard/participant/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("My dashboard")
    assert_accessible(page)
    assert User.objects.get(email="amira@example.org").has_role(Role.PARTICIPANT)
    assert not csp_violations


def test_a_signup_with_mistakes_shows_an_error_summary(page, live_server):
    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_role("button", name="Create account").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    assert_accessible(page)
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.tagName") == "INPUT"


def test_a_facilitator_signs_in_with_an_authenticator_code_and_reaches_the_admin(
    page, live_server, make_user, region, csp_violations
):
    facilitator = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])

    sign_in(page, live_server, facilitator)

    expect(page).to_have_url(re.compile(r"/dashboard/facilitator/$"))
    expect(page.get_by_text("London")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Open the admin").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    assert not csp_violations


def test_a_participant_is_refused_the_admin(page, live_server, make_user):
    participant = make_user(Role.PARTICIPANT)
    sign_in(page, live_server, participant)
    expect(page).to_have_url(re.compile(r"/dashboard/participant/$"))

    response = page.goto(f"{live_server.url}/admin/")

    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("This area is for programme staff")
    expect(page.get_by_role("link", name="Admin")).to_have_count(0)
    assert_accessible(page)


def test_the_skip_link_is_the_first_thing_a_keyboard_reaches(page, live_server):
    page.goto(live_server.url + "/")

    page.keyboard.press("Tab")

    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
