"""Programme and course pages come from the cache (courses.caching): changes still show, nothing leaks."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from core.caching import bump
from core.roles import Role
from courses.caching import CONTENT, cached_content
from courses.tests import factories

pytestmark = pytest.mark.django_db


def _get(client, url) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_published_course_shows_on_the_cached_programme_page(client, programme):
    programme.save_revision().publish()
    assert "Day 1 – Key working" not in _get(client, programme.url)[0]
    course = factories.CoursePageFactory(parent=programme, title="Day 1 – Key working", kind="day1")
    course.save_revision().publish()
    assert "Day 1 – Key working" in _get(client, programme.url)[0]


def test_a_published_change_to_a_course_shows_at_once(client, course):
    course.save_revision().publish()
    assert "A plain summary" not in _get(client, course.url)[0]
    course.summary = "A plain summary"
    course.save_revision().publish()
    assert "A plain summary" in _get(client, course.url)[0]


def test_an_unpublished_section_leaves_the_cached_course_page(client, course, section):
    assert section.title in _get(client, course.url)[0]
    section.unpublish()
    assert section.title not in _get(client, course.url)[0]


def test_a_trainers_page_and_header_never_reach_the_public(client, make_user, programme, trainer_guide):
    trainer = make_user(Role.TRAINER)
    signed_in = Client()
    signed_in.force_login(trainer)
    trainers_page = _get(signed_in, programme.url)[0]
    assert trainer_guide.title in trainers_page and "Sign out" in trainers_page
    public = _get(client, programme.url)[0]
    assert trainer_guide.title not in public
    assert "Sign out" not in public and trainer.email not in public
    participant = Client()
    participant.force_login(make_user(Role.PARTICIPANT))
    assert trainer_guide.title not in _get(participant, programme.url)[0]


@pytest.mark.parametrize("page", ["programme", "course"])
def test_a_cached_page_costs_fewer_queries(client, request, section, page):
    url = request.getfixturevalue(page).url
    cold_page, cold = _get(client, url)
    warm_page, warm = _get(client, url)
    assert warm_page == cold_page
    assert warm < cold


def test_a_public_page_is_shared_between_cookieless_visitors(client, section, course):
    first, _ = _get(client, course.url)
    shared, queries = _get(Client(), course.url)
    assert shared == first
    assert queries == 0


def test_a_publication_by_another_process_shows_at_once(client, course):
    course.save_revision().publish()
    assert "Renamed elsewhere" not in _get(client, course.url)[0]
    # Another process publishes: its save bumps the content generation in the shared cache.
    Page.objects.filter(pk=course.pk).update(title="Renamed elsewhere", last_published_at=timezone.now())
    assert "Renamed elsewhere" not in _get(client, course.url)[0]
    bump(CONTENT)
    assert "Renamed elsewhere" in _get(client, course.url)[0]


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_a_visitor_with_a_session_or_messages_gets_a_page_made_for_them(client, section, course, cookie):
    _get(client, course.url)
    visitor = Client()
    visitor.cookies[cookie] = "anything"
    _, queries = _get(visitor, course.url)
    assert queries > 2


def test_a_signed_in_visitor_gets_the_cached_body(make_user, section, course):
    visitor = Client()
    visitor.force_login(make_user(Role.PARTICIPANT))
    first, cold = _get(visitor, course.url)
    again, warm = _get(visitor, course.url)
    assert section.title in first and section.title in again
    assert warm < cold


def test_a_page_with_a_form_is_never_shared(client, course):
    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    for visitor in (Client(), Client()):
        response = visitor.get(course.url)
        assert response.status_code == 200
        assert "csrftoken" in response.cookies


def test_content_is_kept_in_the_shared_cache_until_a_page_changes(course):
    renders = []

    def render() -> str:
        renders.append(1)
        return f"body {len(renders)}"

    assert cached_content("part", render) == "body 1"
    assert cached_content("part", render) == "body 1"
    course.save_revision().publish()
    assert cached_content("part", render) == "body 2"
    cache.clear()  # nothing is kept by the app process itself
    assert cached_content("part", render) == "body 3"
