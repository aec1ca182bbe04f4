"""Every change to a cohort through `cohort_update` and `cohort_cancel` (issue #21 point 2): the rules
re-checked, nothing written on a refusal, everyone with a place told once with a calendar file that
updates (METHOD:REQUEST, same UID, higher SEQUENCE) or removes (METHOD:CANCEL) their days.

The team's rostering rules on a change of days are tested with trainers (trainers/tests/services/
test_cohort_day_changes.py), since events never imports trainers."""

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from core.models import Notification
from events.models import Cohort, Registration
from events.models.choices import CancellationReason
from events.services.cohorts import cohort_cancel, cohort_update
from events.tests.factories import VenueFactory, in_days


def edited(cohort: Cohort, **days) -> Cohort:
    """The cohort as the admin's editor leaves it before saving: fields and days changed in memory only.
    `days` maps a day's position to its new date, e.g. edited(cohort, day2=in_days(50))."""
    cohort = Cohort.objects.get(pk=cohort.pk)
    sessions = list(cohort.sessions.select_related("course").order_by("date"))
    for name, date in days.items():
        sessions[int(name.removeprefix("day")) - 1].date = date
    cohort.sessions = sessions
    return cohort


def calendar_of(message) -> icalendar.Calendar:
    ((name, content, mimetype),) = message.attachments
    assert (name, mimetype) == ("course-dates.ics", "text/calendar")
    return icalendar.Calendar.from_ical(content)


def saved_days(cohort: Cohort) -> list:
    return list(cohort.sessions.order_by("date").values_list("date", flat=True))


def test_moving_day_2_tells_everyone_with_a_place_once_with_an_updated_calendar(
    make_cohort, fill, facilitator, run_tasks
):
    cohort = make_cohort(status=Cohort.Status.RECRUITING)
    people = fill(cohort, 2)
    mail.outbox.clear()

    cohort_update(cohort=edited(cohort, day2=in_days(50)), actor=facilitator)
    run_tasks()

    assert saved_days(cohort) == [in_days(30), in_days(50)]
    assert sorted(message.to[0] for message in mail.outbox) == sorted(r.person.email for r in people)
    calendar = calendar_of(mail.outbox[0])
    assert calendar["method"] == "REQUEST"
    day2 = cohort.sessions.get(date=in_days(50))
    event = next(event for event in calendar.events if event["uid"] == f"eskw-session-{day2.pk}")
    assert event["sequence"] == 1
    assert event.decoded("dtstart").date() == in_days(50)
    assert "is now on" in mail.outbox[0].body
    entry = ModelLogEntry.objects.get(action="events.cohort.change", object_id=str(cohort.pk))
    assert entry.user == facilitator and entry.data["calendar_sequence"] == 1

    cohort_update(cohort=edited(cohort), actor=facilitator)  # saved again with nothing changed
    run_tasks()
    assert len(mail.outbox) == 2
    assert Notification.objects.filter(message="events.cohort_changed").count() == 2


def test_a_changed_venue_is_told_and_the_feed_shows_the_new_sequence(make_cohort, fill, facilitator, client):
    cohort = make_cohort(status=Cohort.Status.RECRUITING)
    fill(cohort, 1)
    cohort = edited(cohort)
    cohort.venue = VenueFactory(region=cohort.region, name="The Civic Hall")

    cohort_update(cohort=cohort, actor=facilitator)

    notice = Notification.objects.get(message="events.cohort_changed")
    assert "The Civic Hall" in notice.body_text
    feed = icalendar.Calendar.from_ical(client.get(f"/cohorts/{cohort.pk}/calendar.ics").content)
    assert {event["sequence"] for event in feed.events} == {1}
    assert all("The Civic Hall" in str(event["location"]) for event in feed.events)


def test_a_draft_changes_without_telling_anyone(make_cohort, facilitator):
    cohort = make_cohort(status=Cohort.Status.DRAFT)

    cohort_update(cohort=edited(cohort, day1=in_days(31)), actor=facilitator)

    cohort.refresh_from_db()
    assert saved_days(cohort)[0] == in_days(31) and cohort.calendar_sequence == 0
    assert not Notification.objects.exists()


@pytest.mark.parametrize(
    ("status", "days", "code"),
    [
        (Cohort.Status.RECRUITING, {"day1": in_days(-1)}, "session_in_past"),
        (Cohort.Status.DELIVERED, {"day2": in_days(60)}, "cohort_closed"),
        (Cohort.Status.CANCELLED, {"day2": in_days(60)}, "cohort_closed"),
    ],
)
def test_a_change_the_rules_refuse_writes_nothing(make_cohort, fill, facilitator, status, days, code):
    cohort = make_cohort(status=status)
    before = saved_days(cohort)

    with pytest.raises(ValidationError) as refused:
        cohort_update(cohort=edited(cohort, **days), actor=facilitator)

    assert refused.value.code == code
    assert saved_days(cohort) == before
    assert Cohort.objects.get(pk=cohort.pk).calendar_sequence == 0
    assert not ModelLogEntry.objects.filter(action="events.cohort.change").exists()
    assert not Notification.objects.exists()


def test_more_places_go_to_the_people_waiting(make_cohort, fill, make_user, facilitator):
    from events.services.registrations import registration_create
    from events.tests.factories import professional

    cohort = make_cohort(status=Cohort.Status.RECRUITING, capacity=6)
    fill(cohort, 6)
    waiting = registration_create(cohort=cohort, person=make_user(), answers=professional(), actor=None)
    cohort = edited(cohort)
    cohort.capacity = 7

    cohort_update(cohort=cohort, actor=facilitator)

    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.OFFERED
    assert not Notification.objects.filter(message="events.cohort_changed").exists()


def test_a_cancellation_reason_comes_from_the_list(make_cohort, fill, facilitator, run_tasks):
    cohort = make_cohort(status=Cohort.Status.RECRUITING)
    people = fill(cohort, 2)
    mail.outbox.clear()

    with pytest.raises(ValidationError) as refused:
        cohort_cancel(cohort=cohort, actor=facilitator, reason_code="weather")
    assert refused.value.code == "unknown_reason"
    with pytest.raises(ValidationError) as refused:
        cohort_cancel(cohort=cohort, actor=facilitator, reason_code=CancellationReason.OTHER, reason=" ")
    assert refused.value.code == "reason_required"
    assert Cohort.objects.get(pk=cohort.pk).status == Cohort.Status.RECRUITING

    cohort_cancel(cohort=cohort, actor=facilitator, reason_code=CancellationReason.TOO_FEW)
    run_tasks()

    cohort.refresh_from_db()
    assert (cohort.status, cohort.cancellation_reason) == (Cohort.Status.CANCELLED, "too_few")
    assert sorted(message.to[0] for message in mail.outbox) == sorted(r.person.email for r in people)
    assert "Too few registrations" in mail.outbox[0].body
    calendar = calendar_of(mail.outbox[0])
    assert calendar["method"] == "CANCEL"
    assert {event["sequence"] for event in calendar.events} == {1}
    assert {str(event["status"]) for event in calendar.events} == {"CANCELLED"}
