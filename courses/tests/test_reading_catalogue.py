"""The readings each course asks for, kept in the shared cache (courses.reading_catalogue): right,
kept, and read again when the content changes."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.caching import bump
from courses.caching import CONTENT
from courses.models import CourseReading, ReadingPage
from courses.reading_catalogue import reading_catalogue
from courses.tests import factories
from feedback.tests.factories import build_programme, publish


def _read():
    with CaptureQueriesContext(connection) as queries:
        catalogue = reading_catalogue()
    return catalogue, len(queries)


def test_each_course_has_its_live_readings_in_the_editors_order_and_each_reading_its_steps(db):
    programme = build_programme()
    pre, day1 = programme["pre"], programme["day1"]
    later = publish(factories.ReadingPageFactory(parent=pre.get_parent(), title="Later reading", kind="pre"))
    draft = factories.ReadingPageFactory(parent=pre.get_parent(), title="Draft reading", kind="pre", live=False)
    CourseReading.objects.filter(course=day1).update(sort_order=1)
    CourseReading.objects.create(course=day1, reading=later, sort_order=0)
    CourseReading.objects.create(course=day1, reading=draft, sort_order=5)

    catalogue, queries = _read()

    assert [reading.title for reading in catalogue.by_course[day1.pk]] == ["Later reading", "Pre-reading"]
    assert catalogue.totals[pre.pk] == (2, 2) and catalogue.totals[programme["interim"].pk] == (1, 0)
    assert catalogue.totals[draft.pk] == (0, 0)  # counted, though no course shows it
    assert catalogue.t4t_pre_readings == ()
    assert list(catalogue.item_readings.values()).count(pre.pk) == 2
    assert list(catalogue.question_readings.values()).count(pre.pk) == 2
    assert set(catalogue.item_readings) == set(pre.items.values_list("pk", flat=True)) | set(
        programme["interim"].items.values_list("pk", flat=True)
    )
    assert queries == 5


def test_the_t4t_pre_readings_are_the_live_ones_in_tree_order(db):
    parent = build_programme()["pre"].get_parent()
    first = publish(factories.ReadingPageFactory(parent=parent, title="T4T one", kind=ReadingPage.Kind.T4T_PRE_READING))
    publish(factories.ReadingPageFactory(parent=parent, title="T4T two", kind=ReadingPage.Kind.T4T_PRE_READING))
    factories.ReadingPageFactory(parent=parent, title="T4T draft", kind=ReadingPage.Kind.T4T_PRE_READING, live=False)

    assert [reading.title for reading in reading_catalogue().t4t_pre_readings] == ["T4T one", "T4T two"]
    assert reading_catalogue().t4t_pre_readings[0].pk == first.pk


def test_it_is_read_once_then_kept(db):
    build_programme()
    first, first_queries = _read()
    again, queries = _read()
    assert again == first
    assert first_queries == 5 and queries == 0


def test_a_change_made_here_shows_at_once(db):
    programme = build_programme()
    pre, interim = programme["pre"], programme["interim"]
    reading_catalogue()

    factories.ReadingItemFactory(reading=pre, title="A third item", sort_order=2)
    assert reading_catalogue().totals[pre.pk] == (3, 2)

    CourseReading.objects.filter(course=programme["day1"]).update(sort_order=0)
    CourseReading.objects.create(course=programme["day1"], reading=interim, sort_order=1)
    assert [r.title for r in reading_catalogue().by_course[programme["day1"].pk]] == ["Pre-reading", "Interim reading"]

    interim.unpublish()
    assert [r.title for r in reading_catalogue().by_course[programme["day1"].pk]] == ["Pre-reading"]


def test_a_change_made_by_another_process_shows_at_once(db):
    programme = build_programme()
    kwip = programme["kwip"].pk
    assert [r.title for r in reading_catalogue().by_course[kwip]] == ["Interim reading"]
    ReadingPage.objects.filter(pk=programme["interim"].pk).update(live=False)  # no signal: nothing bumped
    assert [r.title for r in reading_catalogue().by_course[kwip]] == ["Interim reading"]
    bump(CONTENT)  # what the other process's save does in the shared cache
    assert kwip not in reading_catalogue().by_course
