"""A facilitator sends a participant the pack again and writes to a cohort's parent carers; the
participant reads both on their messages page (issue #22 point 2)."""

from playwright.sync_api import expect

from core.roles import Role
from events.models.choices import ApplyingAs
from events.tests.conftest import courses, make_cohort  # noqa: F401 - fixtures shared with events' own tests
from events.tests.factories import RegistrationFactory
from tests.browser.conftest import assert_accessible, sign_in


def test_a_facilitator_resends_a_pack_and_writes_to_parent_carers(
    browser,
    page,
    live_server,
    make_user,
    region,
    make_cohort,  # noqa: F811
):
    cohort = make_cohort(title="Camden, spring")
    parent = make_user(Role.PARTICIPANT)
    parent.first_name, parent.last_name = "Pat", "Carer"
    parent.save()
    RegistrationFactory(cohort=cohort, person=parent, applying_as=ApplyingAs.PARENT_CARER)
    facilitator = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])
    sign_in(page, live_server, facilitator)

    page.goto(f"{live_server.url}/admin/cohorts/{cohort.pk}/send-pack/")
    assert_accessible(page)
    page.get_by_label("Who should get it?").select_option(label="Pat Carer")
    page.get_by_role("button", name="Send the pack").click()
    expect(page.get_by_text("Sent to 1 person.")).to_be_visible()

    page.goto(f"{live_server.url}/admin/cohorts/{cohort.pk}/message/")
    page.get_by_label("Parent carers with a confirmed place (1)").check()
    page.get_by_label("Subject").fill("Parking on the day")
    page.get_by_label("Message").fill("Park at the back. Map: https://example.org/a/very/long/address/of/the/map")
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_text("it goes to 1 person")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Send the message").click()
    expect(page.get_by_text("Your message is on its way to 1 person.")).to_be_visible()

    reader = browser.new_context().new_page()
    sign_in(reader, live_server, parent)
    reader.set_viewport_size({"width": 320, "height": 800})
    reader.goto(f"{live_server.url}/notifications/")
    expect(reader.get_by_role("heading", name="Parking on the day")).to_be_visible()
    expect(reader.get_by_role("link", name="https://example.org/a/very/long/address/of/the/map")).to_be_visible()
    expect(reader.get_by_text("pre-course pack", exact=False).first).to_be_visible()
    assert reader.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(reader)
