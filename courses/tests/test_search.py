"""Search across the published course content (issue #3, point 8)."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import PageViewRestriction

from courses.tests import factories
from tests.strategies import ODD_TEXT, SLOW


def test_the_search_page_has_a_labelled_form_and_no_results_before_a_search(client):
    response = client.get(reverse("search"))

    assert response.status_code == 200
    assert response.context["results"] is None
    assert '<label for="search-q">Search the course</label>' in response.content.decode()


def test_search_finds_sections_courses_and_reading_items(client, programme, course, section, search_index):
    reading = factories.ReadingPageFactory(parent=programme, title="Interim reading", kind="interim")
    factories.ReadingItemFactory(reading=reading, title="Communication skills", body="<p>Listening well.</p>")
    search_index()

    def found(query):
        return {result.pk for result in client.get(reverse("search"), {"q": query}).context["results"]}

    assert section.pk in found("key working")
    assert course.pk in found("Key Working in Practice")
    assert reading.pk in found("Listening")


def test_search_leaves_out_drafts_and_private_pages(client, programme, course, section, search_index):
    hidden = factories.SectionPageFactory(parent=course, number=5, title="Multi-agency meetings", live=False)
    private = factories.SectionPageFactory(parent=course, number=6, title="Multi-agency supervision")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    search_index()

    results = client.get(reverse("search"), {"q": "multi-agency"}).context["results"]

    assert {result.pk for result in results}.isdisjoint({hidden.pk, private.pk})


def test_search_results_come_in_pages(client, course, search_index):
    for number in range(1, 13):
        factories.SectionPageFactory(parent=course, number=number, title=f"Transition and change {number}")
    search_index()

    first = client.get(reverse("search"), {"q": "transition"})
    second = client.get(reverse("search"), {"q": "transition", "page": 2})

    assert first.context["results"].paginator.count == 12
    assert len(first.context["results"]) == 10
    assert len(second.context["results"]) == 2
    assert "Next page" in first.content.decode()


def test_search_queries_do_not_grow_with_results(client, course, search_index, django_assert_max_num_queries):
    factories.SectionPageFactory(parent=course, number=1, title="Transition 1")
    search_index()
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("search"), {"q": "transition"})

    for number in range(2, 10):
        factories.SectionPageFactory(parent=course, number=number, title=f"Transition {number}")
    search_index()

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("search"), {"q": "transition"})


@pytest.mark.parametrize("query", ['"', "a\x00b", 'a"b', '"key working', "'", '""', "live:false"])
def test_quotes_and_control_characters_are_searched_as_words(client, course, section, search_index, query):
    search_index()

    assert client.get(reverse("search"), {"q": query}).status_code == 200


def test_a_quoted_phrase_still_finds_its_page(client, course, section, search_index):
    search_index()

    results = client.get(reverse("search"), {"q": '"key working" "'}).context["results"]

    assert section.pk in {result.pk for result in results}


SEARCH_TEXT = st.one_of(
    ODD_TEXT,
    st.text(alphabet=st.sampled_from(["\x00", '"', "'", "\r", "\n", "\t", "*", "(", ")", ":", "-", "a", " "])),
    st.text(min_size=1_000, max_size=5_000),
)


@SLOW
@given(text=SEARCH_TEXT)
def test_no_search_text_breaks_the_search_page(client, course, section, text):
    """Control characters, quotes, NUL and very long text: an answer, never a server error (issue #19)."""
    response = client.get(reverse("search"), {"q": text, "page": text[:20]})

    assert response.status_code == 200
