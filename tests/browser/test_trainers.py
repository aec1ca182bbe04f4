"""A trainee checks off their shadowing by sending a reflection, and a Lead Trainer who is not their
mentor signs it off (issue #5); every page passes axe-core and the Content-Security-Policy."""

import re

from playwright.sync_api import expect

from events.tests.conftest import courses, make_cohort  # noqa: F401 - events' fixtures
from tests.browser.conftest import assert_accessible, sign_in
from trainers.models import Stage, TrainerProfile
from trainers.tests.conftest import make_trainer  # noqa: F401 - the trainers app's fixture
from trainers.tests.factories import AssignmentFactory


def test_a_trainee_reflects_on_shadowing_and_a_lead_trainer_signs_it_off(
    page,
    browser,
    live_server,
    make_trainer,  # noqa: F811
    make_cohort,  # noqa: F811
    csp_violations,
):
    mentor, signer = make_trainer(Stage.LEAD), make_trainer(Stage.LEAD)
    trainee = make_trainer(Stage.T4T_COMPLETED, mentor=mentor)
    trainee.first_name, trainee.last_name = "Dina", "Patel"
    trainee.save()
    cohort = make_cohort(days=(-3, -2), title="Camden, spring")
    AssignmentFactory(cohort=cohort, trainer=trainee, role="shadow")

    sign_in(page, live_server, trainee)
    page.goto(f"{live_server.url}/trainer/deliveries/")
    assert_accessible(page)
    page.get_by_role("link", name="Write your reflection on Camden, spring").click()
    assert_accessible(page)
    page.get_by_label("Your reflection").fill("I saw how the lead let silences work and brought the parents in.")
    page.get_by_role("button", name="Send my reflection").click()
    expect(page.get_by_text("Your reflection is sent.")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/trainer/pathway/")
    expect(page.get_by_text("reflection sent, waiting for a Lead Trainer's sign-off")).to_be_visible()
    assert_accessible(page)

    lead_page = browser.new_context().new_page()
    lead_page.on("console", lambda m: csp_violations.append(m.text) if "Content Security Policy" in m.text else None)
    sign_in(lead_page, live_server, signer)
    lead_page.goto(f"{live_server.url}/trainer/sign-offs/")
    assert_accessible(lead_page)
    lead_page.get_by_role("link", name=re.compile("Dina Patel")).click()
    expect(lead_page.get_by_text("brought the parents in")).to_be_visible()
    assert_accessible(lead_page)
    lead_page.get_by_role("button", name="Sign off this shadow").click()
    expect(lead_page.get_by_text("You have signed off Dina Patel's shadow.")).to_be_visible()
    expect(lead_page.get_by_text("Nothing is waiting for you to sign off.")).to_be_visible()
    assert_accessible(lead_page)

    page.goto(f"{live_server.url}/trainer/pathway/")
    expect(page.get_by_text(re.compile(r"signed off by Test Person on"))).to_be_visible()
    assert_accessible(page)
    assert TrainerProfile.objects.get(person=trainee).stage == Stage.SHADOWED
    assert csp_violations == []
