"""Calendar files keep London wall-clock times on both sides of the clock change (issue #4 point 7)."""

import datetime

import icalendar
from django.urls import reverse

from events.calendars import cohort_calendar
from events.models import CalendarFeed
from events.services.calendars import calendar_feed_reset
from events.tests.factories import RegistrationFactory, SessionFactory


def events_of(text: str) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(text).events


def test_a_summer_and_a_winter_session_both_start_at_ten_london_time(make_cohort, courses):
    cohort = make_cohort(days=())
    SessionFactory(
        cohort=cohort,
        course=courses["day1"],
        date=datetime.date(2027, 7, 6),
        starts_at=datetime.time(10),
        ends_at=datetime.time(14),
    )
    SessionFactory(
        cohort=cohort,
        course=courses["kwip"],
        date=datetime.date(2027, 12, 7),
        starts_at=datetime.time(10),
        ends_at=datetime.time(14),
    )

    summer, winter = events_of(cohort_calendar(cohort))

    utc = datetime.UTC
    assert summer.start.astimezone(utc) == datetime.datetime(2027, 7, 6, 9, 0, tzinfo=utc)  # BST, UTC+1
    assert winter.start.astimezone(utc) == datetime.datetime(2027, 12, 7, 10, 0, tzinfo=utc)  # GMT
    assert summer.end.astimezone(utc).hour == 13
    assert "BEGIN:VTIMEZONE" in cohort_calendar(cohort) and "TZID:Europe/London" in cohort_calendar(cohort)
    assert cohort.venue.name in summer["location"]


def test_the_public_cohort_calendar_downloads(client, cohort):
    response = client.get(reverse("events:cohort_calendar", args=[cohort.pk]))

    assert response["Content-Type"].startswith("text/calendar")
    assert len(events_of(response.content.decode())) == 2


def test_a_trainers_private_feed_lists_their_deliveries_until_reset(client, cohort, trainer, make_cohort):
    make_cohort()  # not theirs
    feed = calendar_feed_reset(person=trainer, actor=trainer)
    url = reverse("events:trainer_feed", args=[feed.token])

    assert len(events_of(client.get(url).content.decode())) == 2

    calendar_feed_reset(person=trainer, actor=trainer)

    assert client.get(url).status_code == 404
    assert client.get(reverse("events:trainer_feed", args=[CalendarFeed.objects.get().token])).status_code == 200


def test_a_participants_calendar_has_all_their_days(client, participant, make_cohort):
    RegistrationFactory(cohort=make_cohort(), person=participant)
    RegistrationFactory(cohort=make_cohort(), person=participant)
    client.force_login(participant)

    assert len(events_of(client.get(reverse("events:my_calendar")).content.decode())) == 4
