"""The cohort page's messaging screens (issue #22 point 2): scoped to the facilitator's regions."""

import pytest
from django.urls import reverse

from core.models import Notification
from core.roles import Role
from events import messages
from events.forms.messaging import STARTERS
from events.models import Registration
from events.models.choices import ApplyingAs
from events.tests.factories import RegistrationFactory

SCREENS = ["cohort_message", "cohort_send_pack", "cohort_send_agenda"]
WRITE = {"audience": "parent_carers", "subject": "Parking", "text": "Park at the back: https://example.org/map"}


@pytest.fixture
def signed_in(client, facilitator):
    client.force_login(facilitator)
    return client


@pytest.fixture
def parent(cohort, make_user):
    person = make_user(Role.PARTICIPANT)
    RegistrationFactory(cohort=cohort, person=person, applying_as=ApplyingAs.PARENT_CARER)
    return person


@pytest.mark.parametrize("url_name", SCREENS)
def test_the_facilitators_own_cohort_screens_open(signed_in, cohort, url_name):
    assert signed_in.get(reverse(url_name, args=[cohort.pk])).status_code == 200


@pytest.mark.parametrize("url_name", SCREENS)
def test_another_regions_cohort_is_not_found_and_nothing_is_sent(signed_in, make_cohort, other_region, url_name):
    elsewhere = make_cohort(region=other_region)

    assert signed_in.get(reverse(url_name, args=[elsewhere.pk])).status_code == 404
    assert signed_in.post(reverse(url_name, args=[elsewhere.pk]), {**WRITE, "send": ""}).status_code == 404
    assert not Notification.objects.exists()


@pytest.mark.parametrize("role", [Role.PARTICIPANT, Role.TRAINER])
def test_people_who_do_not_manage_cohorts_cannot_send(client, make_user, cohort, parent, role):
    client.force_login(make_user(role))

    response = client.post(reverse("cohort_message", args=[cohort.pk]), {**WRITE, "send": ""})

    assert response.status_code in (302, 403)
    assert not Notification.objects.exists()


def test_preview_shows_the_message_and_the_count_and_sends_nothing(signed_in, cohort, parent):
    page = signed_in.post(reverse("cohort_message", args=[cohort.pk]), {**WRITE, "preview": ""}).content.decode()

    assert "it goes to 1 person" in page and "Park at the back" in page
    assert not Notification.objects.exists()


def test_sending_writes_to_the_group_and_it_shows_on_their_messages_page(signed_in, client, cohort, parent):
    response = signed_in.post(reverse("cohort_message", args=[cohort.pk]), {**WRITE, "send": ""})
    client.force_login(parent)
    page = client.get(reverse("notifications")).content.decode()

    assert response.status_code == 302
    assert Notification.objects.get().recipient == parent
    assert '<a href="https://example.org/map"' in page and "Parking" in page


def test_a_message_without_words_is_refused_with_a_reason(signed_in, cohort, parent):
    page = signed_in.post(reverse("cohort_message", args=[cohort.pk]), {**WRITE, "text": "", "send": ""})

    assert page.status_code == 200 and "Write the message." in page.content.decode()
    assert not Notification.objects.exists()


def test_a_starter_sent_without_its_gaps_filled_is_refused(signed_in, cohort, parent):
    subject, text = STARTERS["venue"]
    page = signed_in.post(
        reverse("cohort_message", args=[cohort.pk]), {**WRITE, "subject": subject, "text": text, "send": ""}
    )

    assert page.status_code == 200 and "Replace the parts in square brackets" in page.content.decode()
    assert not Notification.objects.exists()


def test_the_pack_is_sent_again_to_one_person_from_the_screen(signed_in, cohort, parent):
    registration = Registration.objects.get(person=parent)
    url = reverse("cohort_send_pack", args=[cohort.pk])

    signed_in.post(url, {"registration": registration.pk})
    signed_in.post(url, {"registration": registration.pk})

    assert Notification.objects.filter(message=messages.PRE_COURSE_PACK, recipient=parent).count() == 2
