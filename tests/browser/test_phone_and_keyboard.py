"""Phones, zoom and the keyboard (issue #23.3, #23.4): every page a participant uses fits 320 px and
390 px and a 1280 px window at 200% zoom (640 CSS px) without scrolling sideways, passes axe-core with
its best-practice rules too, and a keyboard-only parent carer who sends an empty answer lands on the
error summary, whose link takes them to the question."""

import re

import pytest
from playwright.sync_api import expect

from core.models import Notification
from core.roles import Role
from events.models import Day1Completion
from events.tests.factories import RegistrationFactory, parent_carer
from feedback.models import Attendance, Questionnaire
from feedback.services.certificates import certificate_issue
from feedback.tests import factories
from tests.browser.conftest import AXE_SOURCE, AXE_TAGS, sign_in
from trainers.models import Stage
from trainers.tests.factories import AssignmentFactory, TrainerProfileFactory

PHONE_SMALL, PHONE, ZOOMED = 320, 390, 640  # 640 CSS px = a 1280 px window at 200% zoom
LONG_URL = "https://www.example.org/early-support/key-working/resources/a-very-long-address-that-never-breaks"


def assert_fits_and_accessible(page, width: int) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at {width}px"
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", [*AXE_TAGS, "best-practice"]
    )
    problems = [
        f"{v['id']}: {v['help']} -> " + ", ".join(str(n["target"]) for n in v["nodes"][:5])
        for v in result["violations"]
    ]
    assert not problems, f"{page.url} at {width}px:\n" + "\n".join(problems)


@pytest.fixture
def programme(db):
    built = factories.build_programme()
    factories.seed_questionnaires()
    factories.evaluation_form()
    return built


@pytest.fixture
def participant_pages(programme, region, make_user, live_server):
    """A parent carer whose course days were last week (evaluation open, certificate issued), who is
    also on a cohort whose RP2 is open, with an open cohort to register on: each page they use."""
    person = make_user(Role.PARTICIPANT)
    delivered = factories.make_cohort(programme, region=region, days=(-10, -3), title="Lambeth, autumn")
    registration = RegistrationFactory(cohort=delivered, person=person, **parent_carer())
    day1, day2 = factories.day(delivered, "day1"), factories.day(delivered, "day2")
    for session in (day1, day2):
        Attendance.objects.create(registration=registration, session=session, status="present")
    Day1Completion.objects.create(person=person, kind="attended", completed_on=day1.date)
    certificate_issue(registration=registration, actor=None)
    earlier = factories.make_cohort(programme, region=region, days=(-62, -55), title="Croydon, summer")
    reflecting = RegistrationFactory(cohort=earlier, person=person, **parent_carer())
    Attendance.objects.create(registration=reflecting, session=factories.day(earlier, "day2"), status="present")
    upcoming = factories.make_cohort(
        programme, region=region, days=(30, 37), title="Leeds, spring", status="recruiting"
    )
    Notification.objects.create(
        recipient=person, message="events.test", key="1", subject="Your place", body_text=f"Details: {LONG_URL}"
    )
    rp2 = Questionnaire.objects.get(kind="reflection", number=2)
    mine = f"{live_server.url}/my/course/{registration.pk}"
    return person, {
        "dashboard": f"{live_server.url}/dashboard/participant/",
        "course": f"{mine}/",
        "register": f"{live_server.url}/cohorts/{upcoming.pk}/register/",
        "register as a parent": f"{live_server.url}/cohorts/{upcoming.pk}/register/?as=parent_carer",
        "reading": f"{mine}/readings/{day1.course.reading_links.first().reading_id}/",
        "evaluation": f"{mine}/days/{day2.pk}/evaluation/",
        "rp2": f"{live_server.url}/my/course/{reflecting.pk}/reflections/{rp2.pk}/",
        "notifications": f"{live_server.url}/notifications/",
        "my data": f"{live_server.url}/my-data/",
        "certificate": f"{mine}/certificate/",
    }


@pytest.mark.parametrize("width", [PHONE_SMALL, PHONE, ZOOMED])
def test_every_participant_page_fits_the_screen_and_passes_axe_best_practice(
    page, live_server, participant_pages, width
):
    person, urls = participant_pages
    page.set_viewport_size({"width": width, "height": 800})
    sign_in(page, live_server, person)
    for url in urls.values():
        page.goto(url)
        assert_fits_and_accessible(page, width)


def tab_to(page, name: str, limit: int = 80) -> None:
    """Press Tab until the focused element's text or value is `name`, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(document.activeElement.innerText || document.activeElement.value || '').trim()") == name:
            return
    raise AssertionError(f"Tab never reached {name!r}")


def focused(page) -> dict:
    return page.evaluate(
        "({id: document.activeElement.id, cls: document.activeElement.className, tag: document.activeElement.tagName})"
    )


def expect_summary_then_field(page, link_text: str, field_id: str) -> None:
    """Focus is on the error summary; its first link, followed by keyboard, focuses the field."""
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert "error-summary" in focused(page)["cls"]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.innerText") == link_text
    page.keyboard.press("Enter")
    expect(page.locator(f"#{field_id}")).to_be_focused()


def test_a_parent_carer_registers_with_the_keyboard_and_errors_lead_to_their_question(
    page, live_server, participant_pages
):
    person, urls = participant_pages
    page.set_viewport_size({"width": PHONE, "height": 800})
    sign_in(page, live_server, person)
    page.goto(urls["register"])

    tab_to(page, "Continue")
    page.keyboard.press("Enter")
    expect_summary_then_field(page, "Choose who you are coming as", "id_as_0")

    page.keyboard.press("ArrowDown")  # the second choice: a parent carer
    tab_to(page, "Continue")
    page.keyboard.press("Enter")
    expect(page.get_by_text("You are coming as: A parent carer")).to_be_visible()
    assert page.get_by_label("Job title").count() == 0

    tab_to(page, "Register")
    page.keyboard.press("Enter")
    expect_summary_then_field(page, "Choose how much you know about Early Support and key working", "id_experience_0")


def test_an_empty_rp2_answer_leads_from_the_summary_to_its_question(page, live_server, participant_pages):
    person, urls = participant_pages
    sign_in(page, live_server, person)
    page.goto(urls["rp2"])

    tab_to(page, "Send")
    page.keyboard.press("Enter")

    summary_link = page.locator(".error-summary a").first
    field_id = summary_link.get_attribute("href").removeprefix("#")
    expect_summary_then_field(page, summary_link.inner_text(), field_id)
    expect(page.locator(f"#{field_id}")).to_have_attribute("aria-invalid", "true")


def tab_to_id(page, element_id: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


def test_a_reading_is_ticked_and_answered_with_the_keyboard_only(page, live_server, participant_pages):
    """A reading asks for nothing required (it saves progress as it is), so there is no empty answer
    to send: the keyboard alone ticks an item, chooses an answer, writes one and saves them."""
    person, urls = participant_pages
    page.set_viewport_size({"width": PHONE, "height": 800})
    sign_in(page, live_server, person)
    page.goto(urls["reading"])
    tick = page.locator(".reading-items input[type=checkbox]").first
    choice = page.locator(".questions input[type=radio]").first
    written = page.locator(".questions textarea").first

    tab_to_id(page, tick.get_attribute("id"))
    page.keyboard.press("Space")
    tab_to_id(page, choice.get_attribute("id"))
    page.keyboard.press("Space")
    tab_to_id(page, written.get_attribute("id"))
    page.keyboard.type("Someone who helps a family find their way")
    tab_to(page, "Save my progress")
    page.keyboard.press("Enter")

    expect(page.get_by_text("Your progress is saved.")).to_be_visible()
    expect(tick).to_be_checked()
    expect(choice).to_be_checked()
    expect(written).to_have_value("Someone who helps a family find their way")


@pytest.fixture
def trainer_pages(programme, region, make_user, live_server):
    """A Lead Trainer on a cohort whose days were last week, with a full group: their dashboard,
    deliveries, pathway, the cohort's page and a day's register."""
    trainer = make_user(Role.TRAINER)
    TrainerProfileFactory(person=trainer, region=region, stage=Stage.LEAD)
    cohort = factories.make_cohort(programme, region=region, days=(-10, -3), title="Lambeth, autumn")
    AssignmentFactory(cohort=cohort, trainer=trainer)
    for number in range(8):
        RegistrationFactory(cohort=cohort, person=make_user(Role.PARTICIPANT), organisation=f"Organisation {number}")
    return trainer, [
        f"{live_server.url}/dashboard/trainer/",
        f"{live_server.url}/trainer/deliveries/",
        f"{live_server.url}/trainer/pathway/",
        f"{live_server.url}/cohorts/{cohort.pk}/team/",
        f"{live_server.url}/team/days/{factories.day(cohort, 'day1').pk}/register/",
    ]


def test_a_trainers_pages_fit_a_small_phone(page, live_server, trainer_pages):
    trainer, urls = trainer_pages
    page.set_viewport_size({"width": PHONE_SMALL, "height": 800})
    sign_in(page, live_server, trainer)
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        assert_fits_and_accessible(page, PHONE_SMALL)
