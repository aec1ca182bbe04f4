"""The admin home's site summary and panels are drawn once in a while per person (core.admin_home,
issue #8)."""

import re
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from core.roles import Role
from core.tests.clients import SignInClient

HOME = reverse("wagtailadmin_home")


@pytest.fixture
def admins(make_user):
    """Two programme admins, each signed in with a client of their own."""
    people = [make_user(Role.PROGRAMME_ADMIN, mfa=True) for _ in range(2)]
    clients = [SignInClient() for _ in people]
    for client, person in zip(clients, people, strict=True):
        client.force_login(person)
    return people, clients


def _home(client) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(HOME)
    assert response.status_code == 200
    return response.text, len(queries)


def _main(page: str) -> str:
    """The page's own content: the dashboard's panels and summary, without per-request tokens."""
    main = page[page.index('id="main"') :]
    return re.sub(r'"CSRF_TOKEN": "[^"]+"|value="[^"]{64}"', "", main)


def _lock(page: Page, person) -> None:
    """A page locked by `person`, written as another process would (no signal reaches this one)."""
    Page.objects.filter(pk=page.pk).update(locked=True, locked_by=person, locked_at=timezone.now())


def test_the_home_is_drawn_once_and_is_the_same_next_time(admins):
    (_, clients) = admins

    first, first_queries = _home(clients[0])
    again, queries = _home(clients[0])

    assert _main(again) == _main(first)
    assert "Your locked pages" not in again
    assert queries <= first_queries - 5


def test_people_never_get_each_others_panels(admins):
    people, clients = admins
    course = Page.objects.filter(depth=2).first()
    _lock(course, people[0])

    for _ in range(2):
        theirs, other = _home(clients[0])[0], _home(clients[1])[0]

        assert "Your locked pages" in theirs and course.title in theirs
        assert "Your locked pages" not in other


def test_a_page_saved_here_shows_at_once(admins):
    people, clients = admins
    course = Page.objects.filter(depth=2).first()
    _lock(course, people[0])
    before = _home(clients[0])[0]

    course = Page.objects.get(pk=course.pk)  # locked, as the editor who renames it would load it
    course.title = course.draft_title = "Day 1, renamed here"
    course.save()

    assert course.title not in before
    assert course.title in _home(clients[0])[0]


def test_what_another_process_saves_shows_after_the_timeout(admins, settings):
    settings.ADMIN_HOME_PANELS_SECONDS = 0.2
    people, clients = admins
    course = Page.objects.filter(depth=2).first()
    _home(clients[0])

    _lock(course, people[0])
    assert "Your locked pages" not in _home(clients[0])[0]
    time.sleep(0.25)

    assert "Your locked pages" in _home(clients[0])[0]
