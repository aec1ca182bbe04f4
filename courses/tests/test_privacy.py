"""Trainer-only material never reaches a participant or an anonymous visitor (issue #3, point 2).

Each way in is tried: the page itself, trainer-only pages, document URLs, search, the admin preview,
and an API.
"""

import pytest
from django.conf import settings
from django.urls import reverse

from core.roles import Role
from courses.tests import factories
from courses.tests.conftest import TRAINER_NOTE

NOT_TRAINERS = [Role.PARTICIPANT, None]
TRAINERS = [Role.TRAINER, Role.PROGRAMME_ADMIN, Role.REGIONAL_FACILITATOR]


def _sign_in(client, make_user, role):
    if role is not None:
        client.force_login(make_user(role, mfa=role in (Role.PROGRAMME_ADMIN, Role.REGIONAL_FACILITATOR)))


@pytest.mark.parametrize("role", [*NOT_TRAINERS, "anonymous"])
def test_participants_and_visitors_get_the_section_without_trainer_notes_or_slides(client, make_user, section, role):
    _sign_in(client, make_user, None if role == "anonymous" else role)

    html = client.get(section.url).content.decode()

    assert "Activity 2.2: What is key working" in html
    assert TRAINER_NOTE not in html
    assert "Key working slides" not in html
    assert "For trainers" not in html


@pytest.mark.parametrize("role", TRAINERS)
def test_trainers_and_staff_see_trainer_notes_and_slides(client, make_user, section, role):
    _sign_in(client, make_user, role)

    html = client.get(section.url).content.decode()

    assert TRAINER_NOTE in html
    assert "Key working slides" in html


def test_a_trainer_guide_sends_an_anonymous_visitor_to_sign_in(client, trainer_guide):
    response = client.get(trainer_guide.url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_trainer_guide_is_refused_to_a_participant(client, make_user, trainer_guide):
    client.force_login(make_user(Role.PARTICIPANT))

    response = client.get(trainer_guide.url)

    assert response.status_code == 403
    assert trainer_guide.summary.encode() not in response.content


@pytest.mark.parametrize("role", TRAINERS)
def test_a_trainer_guide_opens_for_trainers_and_staff(client, make_user, trainer_guide, role):
    _sign_in(client, make_user, role)

    assert client.get(trainer_guide.url).status_code == 200


def test_trainer_guides_are_not_listed_for_participants(client, make_user, programme, course, trainer_guide):
    factories.TrainerGuidePageFactory(parent=course, title="Trainers’ guide: Day 2")
    client.force_login(make_user(Role.PARTICIPANT))

    for page in (programme, course):
        html = client.get(page.url).content.decode()
        assert "Introduction for Trainers" not in html
        assert "Trainers’ guide: Day 2" not in html


def test_trainer_guides_are_listed_for_trainers(client, make_user, programme, course, trainer_guide):
    factories.TrainerGuidePageFactory(parent=course, title="Trainers’ guide: Day 2")
    client.force_login(make_user(Role.TRAINER))

    assert "Introduction for Trainers" in client.get(programme.url).content.decode()
    assert "Trainers’ guide: Day 2" in client.get(course.url).content.decode()


def test_a_reading_links_to_a_trainer_guide_only_for_trainers(client, make_user, programme, trainer_guide):
    reading = factories.ReadingPageFactory(parent=programme, kind="t4t")
    factories.ReadingItemFactory(reading=reading, title="Read the introduction", page=trainer_guide)

    assert trainer_guide.url not in client.get(reading.url).content.decode()
    client.force_login(make_user(Role.TRAINER))
    assert trainer_guide.url in client.get(reading.url).content.decode()


def test_a_trainer_document_sends_an_anonymous_visitor_to_sign_in(client, slides):
    response = client.get(slides.url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_trainer_document_is_refused_to_a_participant(client, make_user, slides):
    client.force_login(make_user(Role.PARTICIPANT))

    assert client.get(slides.url).status_code == 403


@pytest.mark.parametrize("role", TRAINERS)
def test_a_trainer_document_opens_for_trainers_and_staff(client, make_user, slides, role):
    _sign_in(client, make_user, role)

    response = client.get(slides.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 course material"


def test_activity_sheets_stay_open_to_everyone(client, activity_sheet):
    assert client.get(activity_sheet.url).status_code == 200


def test_search_never_finds_a_trainer_note(client, make_user, section, search_index):
    search_index()

    for role in (None, Role.PARTICIPANT, Role.TRAINER):
        _sign_in(client, make_user, role)
        response = client.get(reverse("search"), {"q": "personal story"})
        assert response.context["results"].paginator.count == 0, role
        assert TRAINER_NOTE not in response.content.decode()


def test_search_leaves_out_trainer_guides_for_participants(client, make_user, trainer_guide, search_index):
    search_index()
    client.force_login(make_user(Role.PARTICIPANT))

    response = client.get(reverse("search"), {"q": "Introduction for Trainers"})

    assert trainer_guide.url not in response.content.decode()


def test_search_finds_trainer_guides_for_trainers(client, make_user, trainer_guide, search_index):
    search_index()
    client.force_login(make_user(Role.TRAINER))

    response = client.get(reverse("search"), {"q": "Introduction for Trainers"})

    assert trainer_guide.url in response.content.decode()


@pytest.mark.parametrize("role", NOT_TRAINERS)
def test_participants_cannot_open_a_preview(client, make_user, section, trainer_guide, role):
    _sign_in(client, make_user, role)

    for page in (section, trainer_guide):
        for url in (
            reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
            reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
            reverse("wagtailadmin_pages:revisions_index", args=[page.pk]),
        ):
            response = client.get(url)
            assert response.status_code in (302, 403), url
            assert TRAINER_NOTE.encode() not in response.content
            if response.status_code == 302:
                assert response["Location"].startswith(reverse("account_login"))


def test_no_api_serves_pages(client, section):
    assert not [app for app in settings.INSTALLED_APPS if app.startswith(("wagtail.api", "rest_framework"))]
    for url in ("/api/v2/pages/", f"/api/v2/pages/{section.pk}/", "/api/pages/"):
        assert client.get(url).status_code == 404, url
