"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live_server.

Playwright cannot download its own browsers here, so `browser_type_launch_args` points it at
/usr/bin/chromium (installed by `make test` / .ci/run). Every journey runs axe-core on the pages it
visits through `assert_accessible`, which fails on any WCAG 2.2 A/AA violation.
"""

import os
import re
from pathlib import Path

import axe_playwright_python
import pytest
from django.core import mail
from playwright.sync_api import expect

from conftest import PASSWORD, current_totp_code
from events.tests.factories import in_days

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if Path(item.fspath).is_relative_to(here):
            item.add_marker(pytest.mark.browser)
            # The live server runs in another thread, so data must be committed.
            item.add_marker(pytest.mark.django_db(transaction=True))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(autouse=True)
def site_address_is_the_live_server(settings, live_server):
    """Links in messages are built on `BASE_URL` (issue #22): here, the server the browser talks to."""
    settings.BASE_URL = settings.WAGTAILADMIN_BASE_URL = live_server.url


@pytest.fixture
def csp_violations(page):
    """Console errors about the Content-Security-Policy: a page that breaks under CSP fails its test."""
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    return violations


def assert_accessible(page) -> None:
    """Run axe-core on the current page; fail listing every violation and the elements involved."""
    page.evaluate(AXE_SOURCE)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    problems = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in result["violations"]
    ]
    assert not problems, f"Accessibility problems on {page.url}:\n" + "\n".join(problems)


def sign_in(page, live_server, user, password: str = PASSWORD) -> None:
    """Sign in through the allauth form, answering the two-step verification prompt if asked."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if "/2fa/authenticate/" in page.url:
        page.get_by_label("Code", exact=True).fill(current_totp_code(user.totp_secret))
        page.get_by_role("button", name="Sign in").click()


def create_cohort_in_admin(page, live_server, *, title: str, venue, days) -> None:
    """Fill the admin's "Add cohort" form in London, Camden, at `venue`, with one day per
    (course, days from today) in `days`, 10:00 to 14:00, and press Create.

    The date and time pickers stay open over the form once a field is filled, and "Add day" sits
    under the editor's sticky footer at this window size, so a pointer click could land on either:
    the buttons are pressed from the keyboard, and each step waits for what Wagtail's script does."""
    page.goto(f"{live_server.url}/admin/cohorts/new/")
    page.locator("#id_title").fill(title)
    page.locator("#id_region").select_option(label="London")
    page.locator("#id_local_authority").select_option(label="Camden")
    page.locator("#id_venue").select_option(label=venue.name)
    for index, (course, from_today) in enumerate(days):
        if index:
            page.get_by_role("button", name="Add day").press("Enter")
            expect(page.locator("#id_sessions-TOTAL_FORMS")).to_have_value(str(index + 1))
        page.locator(f"#id_sessions-{index}-course").select_option(label=course.title)
        page.locator(f"#id_sessions-{index}-date").fill(in_days(from_today).isoformat())
        page.locator(f"#id_sessions-{index}-starts_at").fill("10:00")
        page.locator(f"#id_sessions-{index}-ends_at").fill("14:00")
    page.get_by_role("button", name="Create").press("Enter")


def link_in_last_email(pattern: str) -> str:
    match = re.search(pattern, mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(0)
