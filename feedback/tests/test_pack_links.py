"""The pre-course pack links each reading to the participant's own reading page (issue #22 point 1)."""

import re

from django.conf import settings

from core.models import Notification
from core.roles import Role
from events import messages
from events.services.messaging import due_message_send
from events.tests.factories import RegistrationFactory


def test_the_packs_reading_links_open_the_participants_reading_page(cohort, make_user, facilitator, client):
    person = make_user(Role.PARTICIPANT)
    registration = RegistrationFactory(cohort=cohort, person=person)

    due_message_send(cohort=cohort, message=messages.PRE_COURSE_PACK, actor=facilitator, registration=registration)

    body = Notification.objects.get(message=messages.PRE_COURSE_PACK).body_text
    links = [link for link in re.findall(r"https?://\S+", body) if "/readings/" in link]
    assert links and all(
        link.startswith(f"{settings.BASE_URL}/my/course/{registration.pk}/readings/") for link in links
    )
    assert "/course/pre-reading/" not in body
    client.force_login(person)
    for link in links:
        assert client.get(link.removeprefix(settings.BASE_URL)).status_code == 200
