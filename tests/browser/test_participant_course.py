"""Journeys through the participant's course (issue #6): the pre-reading fills its progress bar, a trainer
takes the register on a tablet, a participant sends RP2 linked to the principles, and axe-core passes
on every page a participant sees."""

import re

import pytest
from playwright.sync_api import expect

from core.roles import Role
from events.models import Day1Completion
from events.tests.factories import RegistrationFactory, parent_carer
from feedback.models import Attendance, Questionnaire, QuestionnaireEntry
from feedback.services.certificates import certificate_issue
from feedback.tests import factories
from tests.browser.conftest import assert_accessible, sign_in

TABLET = {"width": 768, "height": 1024}


@pytest.fixture
def course_programme(db):
    programme = factories.build_programme()
    factories.seed_questionnaires()
    factories.evaluation_form()
    return programme


@pytest.fixture
def delivered(course_programme, region):
    """A cohort whose Day 1 was ten days ago and Day 2 three days ago."""
    return factories.make_cohort(course_programme, region=region, days=(-10, -3), title="Lambeth, autumn")


@pytest.fixture
def sam(make_user, delivered):
    person = make_user(Role.PARTICIPANT)
    person.first_name, person.last_name = "Sam", "Taylor"
    person.save()
    return RegistrationFactory(cohort=delivered, person=person, accredited_route=True)


def test_a_participant_completes_the_pre_reading_and_sees_the_progress_bar_fill(
    page, live_server, course_programme, sam, csp_violations
):
    sign_in(page, live_server, sam.person)
    page.goto(f"{live_server.url}/my/course/{sam.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Pre-reading").click()

    bar = page.get_by_role("progressbar", name="Progress on Pre-reading")
    expect(bar).to_have_attribute("value", "0")
    assert_accessible(page)

    page.get_by_label("I have read “Policy and legislation”").check()
    page.get_by_role("button", name="Save my progress").click()
    expect(bar).to_have_attribute("value", "25")

    page.get_by_label("I have read “An overview of Early Support”").check()
    page.get_by_label("Facilitating multi-agency meetings").check()
    page.get_by_label("What does key working mean to you?").fill("Being one steady point of contact.")
    page.get_by_role("button", name="Save my progress").click()

    expect(bar).to_have_attribute("value", "100")
    expect(page.get_by_text("4 of 4 done (100%): finished")).to_be_visible()
    expect(page.get_by_text("Right.")).to_be_visible()
    assert_accessible(page)
    assert csp_violations == []


def test_a_trainer_takes_the_register_on_a_tablet(page, live_server, make_user, delivered, sam, csp_violations):
    trainer = make_user(Role.TRAINER)
    delivered.delivery_assignments.create(trainer=trainer, role="lead")
    parent = RegistrationFactory(
        cohort=delivered, person=make_user(Role.PARTICIPANT), access_needs="Hearing loop", **parent_carer()
    )
    parent.person.first_name, parent.person.last_name = "Pat", "Jones"
    parent.person.save()
    day1 = factories.day(delivered, "day1")
    page.set_viewport_size(TABLET)
    sign_in(page, live_server, trainer)

    page.goto(f"{live_server.url}/team/days/{day1.pk}/register/")
    expect(page.get_by_text("Access needs: Hearing loop")).to_be_visible()
    expect(page.get_by_text("Accredited route")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= TABLET["width"]
    assert_accessible(page)

    sam_box = page.get_by_role("group", name="Sam Taylor")
    sam_box.get_by_label("Present").check()
    pat_box = page.get_by_role("group", name="Pat Jones")
    pat_box.get_by_label("Arrived late").check()
    pat_box.get_by_label("Note (optional) for Pat Jones").fill("Arrived 10:20 after the school run")
    page.get_by_role("button", name="Save the register").click()

    expect(page.get_by_text("The register for")).to_be_visible()
    expect(page.get_by_role("group", name="Pat Jones").get_by_label("Arrived late")).to_be_checked()
    assert dict(Attendance.objects.values_list("registration__person__first_name", "status")) == {
        "Sam": "present",
        "Pat": "late",
    }
    assert Day1Completion.objects.filter(person=sam.person).exists()
    assert_accessible(page)
    assert csp_violations == []


@pytest.fixture
def reflecting(course_programme, region, sam):
    """Sam's place on a cohort whose Day 2 was 55 days ago: RP1–RP4 are open, RP5 opens in 8 days."""
    cohort = factories.make_cohort(course_programme, region=region, days=(-62, -55), title="Croydon, summer")
    registration = RegistrationFactory(cohort=cohort, person=sam.person)
    Attendance.objects.create(registration=registration, session=factories.day(cohort, "day2"), status="present")
    return registration


def test_a_participant_sends_rp2_with_principle_links(page, live_server, reflecting, csp_violations):
    rp2 = Questionnaire.objects.get(kind="reflection", number=2)
    sign_in(page, live_server, reflecting.person)
    page.goto(f"{live_server.url}/my/course/{reflecting.pk}/")
    page.get_by_role("link", name="Reflective Practice 2").click()
    expect(page.get_by_text("Schön, 1983")).to_be_visible()
    assert_accessible(page)

    goals = page.get_by_role("group", name=re.compile("two most important goals for your work with families\\?"))
    goals.get_by_label("a.").fill("Listen before planning")
    goals.get_by_label("b.").fill("Plan with the whole family")
    strengths = page.get_by_role("group", name=re.compile("greatest strengths"))
    strengths.get_by_label("a.").fill("Patience")
    strengths.get_by_label("b.").fill("Knowing local services")
    challenges = page.get_by_role("group", name=re.compile("greatest challenges"))
    challenges.get_by_label("a.").fill("Time")
    challenges.get_by_label("b.").fill("Too many meetings")
    page.get_by_role("button", name="Save as a draft").click()
    expect(page.get_by_text("Your draft is saved.")).to_be_visible()

    for prompt, part, number in [
        ("4.1.", "a) Listen before planning", "1"),
        ("4.1.", "b) Plan with the whole family", "2"),
        ("4.2", "a) Patience", "10"),
        ("4.2", "b) Knowing local services", "6"),
        ("4.3", "a) Time", "3"),
        ("4.3", "b) Too many meetings", "9"),
    ]:
        links = page.get_by_role("group", name=re.compile(f"^{re.escape(prompt)} ")).get_by_role("group", name=part)
        links.get_by_label(f"Principle {number}", exact=True).check()
    page.get_by_role("button", name="Send", exact=True).click()

    expect(page.get_by_text("Sent. Thank you.")).to_be_visible()
    entry = QuestionnaireEntry.objects.get(questionnaire=rp2)
    assert entry.is_submitted and entry.answers["goals_principles"] == {"a": [1], "b": [2]}
    assert entry.answers["challenges_principles"] == {"a": [3], "b": [9]}
    assert_accessible(page)
    assert csp_violations == []


def test_every_page_a_participant_sees_passes_axe(page, live_server, sam, delivered, reflecting):
    day1, day2 = factories.day(delivered, "day1"), factories.day(delivered, "day2")
    for session in (day1, day2):
        Attendance.objects.create(registration=sam, session=session, status="present")
    Day1Completion.objects.create(person=sam.person, kind="attended", completed_on=day1.date)
    certificate = certificate_issue(registration=sam, actor=None)
    rp1, rp4, rp5 = (Questionnaire.objects.get(kind="reflection", number=n) for n in (1, 4, 5))
    mine, reflections = f"{live_server.url}/my/course/{sam.pk}", f"{live_server.url}/my/course/{reflecting.pk}"
    sign_in(page, live_server, sam.person)
    for url in [
        f"{live_server.url}/dashboard/participant/",
        f"{mine}/",
        f"{mine}/readings/{day1.course.reading_links.first().reading_id}/",
        f"{mine}/days/{day2.pk}/evaluation/",
        f"{mine}/certificate/",
        f"{live_server.url}/certificates/check/?code={certificate.code}",
        f"{reflections}/",
        f"{reflections}/reflections/{rp1.pk}/",
        f"{reflections}/reflections/{rp4.pk}/",
        f"{reflections}/reflections/{rp5.pk}/",
    ]:
        page.goto(url)
        assert_accessible(page)


def test_every_page_the_team_uses_passes_axe(page, live_server, make_user, delivered, sam):
    trainer = make_user(Role.TRAINER)
    delivered.delivery_assignments.create(trainer=trainer, role="lead")
    day1 = factories.day(delivered, "day1")
    sign_in(page, live_server, trainer)
    team = f"{live_server.url}/team"
    for url in [
        f"{live_server.url}/dashboard/trainer/",
        f"{team}/cohorts/{delivered.pk}/",
        f"{team}/cohorts/{delivered.pk}/readings/",
        f"{team}/cohorts/{delivered.pk}/results/",
        f"{team}/days/{day1.pk}/sections/",
        f"{team}/days/{day1.pk}/sign-in-sheet/",
        f"{live_server.url}/cohorts/{delivered.pk}/team/",
        f"{team}/days/{day1.pk}/issues/",
        f"{team}/days/{day1.pk}/questions/",
        f"{team}/days/{day1.pk}/materials/",
        f"{team}/days/{day1.pk}/incidents/",
        f"{team}/days/{day1.pk}/reflection/",
        f"{team}/reflections/",
        f"{team}/my-results/",
    ]:
        page.goto(url)
        assert_accessible(page)

    page.goto(f"{team}/days/{day1.pk}/questions/")
    page.get_by_label("A question we could not answer on the day").fill("Who funds short breaks?")
    page.get_by_role("button", name="Record the question").click()
    expect(page.get_by_text("Who funds short breaks?")).to_be_visible()
    assert_accessible(page)


def test_a_reflection_drafts_itself_while_the_participant_types(page, live_server, reflecting, csp_violations):
    rp1 = Questionnaire.objects.get(kind="reflection", number=1)
    sign_in(page, live_server, reflecting.person)
    page.goto(f"{live_server.url}/my/course/{reflecting.pk}/reflections/{rp1.pk}/")

    page.get_by_label("What I love most about my job is…. Why?").fill("Seeing a family feel heard.")

    expect(page.get_by_text(re.compile("Draft saved automatically at"))).to_be_visible(timeout=10_000)
    entry = QuestionnaireEntry.objects.get(questionnaire=rp1)
    assert entry.status == "draft" and entry.answers["love"] == "Seeing a family feel heard."
    assert csp_violations == []
