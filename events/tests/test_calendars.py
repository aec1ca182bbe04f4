"""Calendar files keep London wall-clock times on both sides of the clock change (issue #4 point 7)."""

import datetime
import operator

import icalendar
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import ModelLogEntry

from core.models import User
from core.roles import Role
from core.services.roles import role_revoke
from events.calendars import calendar_text, cohort_calendar
from events.models import CalendarFeed
from events.services.calendars import calendar_feed_reset
from events.tests.factories import RegistrationFactory, SessionFactory, VenueFactory
from tests.strategies import ODD_TEXT, SLOW, no_nul


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


CALENDAR_TEXT = st.one_of(
    ODD_TEXT,
    st.text(alphabet=st.sampled_from(["\r", "\n", "\t", "\x0b", ";", ",", "\\", '"', ":", "\u2028", "a", " "])),
).map(no_nul)

#: Titles and venue names as long as their columns hold (200 characters): PostgreSQL refuses more.
TITLE_LENGTH = operator.itemgetter(slice(200))


@SLOW
@given(title=CALENDAR_TEXT.map(TITLE_LENGTH), venue_name=CALENDAR_TEXT.map(TITLE_LENGTH), address=CALENDAR_TEXT)
def test_no_title_or_venue_text_breaks_the_calendar_file(client, make_cohort, region, title, venue_name, address):
    """Line breaks, control characters, quotes and very long text: a calendar file that reads back,
    one line per property (issue #19 point 5; a CR/LF in a title answered 500)."""
    venue = VenueFactory(region=region, name=venue_name, address=address)
    cohort = make_cohort(title=title, venue=venue)

    response = client.get(reverse("events:cohort_calendar", args=[cohort.pk]))

    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    assert len(calendar.events) == 2
    for event, session in zip(calendar.events, cohort.ordered_sessions, strict=True):
        assert str(event["summary"]) == calendar_text(f"{session.course.title} ({title})")
        assert str(event["location"]) == calendar_text(f"{venue_name}, {venue.one_line_address}")


def test_calendar_text_is_one_line_of_words():
    assert calendar_text("Camden\r\nspring\x00 \u2028 term") == "Camden spring term"


def test_a_feed_stops_when_the_account_is_deactivated_or_no_longer_a_trainer(client, trainer):
    """The address keeps its token, but answers only a trainer whose account is in use (issue #19)."""
    url = reverse("events:trainer_feed", args=[calendar_feed_reset(person=trainer, actor=trainer).token])
    assert client.get(url).status_code == 200

    User.objects.filter(pk=trainer.pk).update(is_active=False)
    assert client.get(url).status_code == 404

    User.objects.filter(pk=trainer.pk).update(is_active=True)
    assert client.get(url).status_code == 200

    role_revoke(user=trainer, role=Role.TRAINER, actor=None)
    assert client.get(url).status_code == 404


def test_the_trainer_gets_a_new_address_from_their_calendar_page(trainer):
    """A POST with the page's CSRF token; the old address stops working at once."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(trainer)
    old = calendar_feed_reset(person=trainer, actor=trainer).token
    page = browser.get(reverse("events:calendar_feed"))
    new_address = reverse("events:calendar_feed_new")
    assert f'action="{new_address}"' in page.content.decode()

    assert browser.post(new_address).status_code == 403
    assert CalendarFeed.objects.get().token == old

    response = browser.post(new_address, {"csrfmiddlewaretoken": page.context["csrf_token"]})

    assert response.status_code == 302
    assert CalendarFeed.objects.get().token != old
    assert browser.get(reverse("events:trainer_feed", args=[old])).status_code == 404
    assert browser.get(reverse("events:trainer_feed", args=[CalendarFeed.objects.get().token])).status_code == 200
    assert ModelLogEntry.objects.filter(action="events.calendar_feed.reset", user=trainer).count() == 2
