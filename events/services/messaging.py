"""What cohorts tell people, through core.notifications: each message once per person and key.

`notify` renders at once, records a `core.Notification` and sends after commit through the task
worker. The pre-course pack and agendas follow `selectors.deadlines`: the daily sweep sends what has
fallen due (000:L2670–2676) and a late registrant gets everything already due at once.
"""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from core.notifications import notify
from courses.models import CourseReading, SectionPage
from events import messages
from events.calendars import build_calendar, person_calendar
from events.models import Cohort, PlaceOffer, Registration
from events.rules import CohortRules, current_rules
from events.selectors.deadlines import DueMessage, sendable_now
from events.selectors.sessions import sessions_for_registration


def absolute_url(path: str) -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site else "") + path


def _base_context(registration: Registration) -> dict:
    return {
        "registration": registration,
        "cohort": registration.cohort,
        "venue": registration.cohort.venue,
        "sessions": sessions_for_registration(registration),
        "my_courses_url": absolute_url(reverse("events:my_registrations")),
    }


def _calendar(registration: Registration) -> list[tuple[str, str, str]]:
    return [("course-dates.ics", person_calendar(registration.cohort.title, [registration]), "text/calendar")]


def send_confirmed(registration: Registration, *, rules: CohortRules, today: datetime.date) -> None:
    """The place is theirs: confirmation with a calendar file, then anything already due (late registrants)."""
    notify(
        message=messages.REGISTRATION_CONFIRMED,
        recipient=registration.person,
        key=messages.registration_key(registration),
        context=_base_context(registration),
        attachments=_calendar(registration),
    )
    send_due(registration, rules=rules, today=today)


def send_waiting(registration: Registration, *, position: int) -> None:
    notify(
        message=messages.WAITING_LIST,
        recipient=registration.person,
        key=messages.registration_key(registration),
        context={**_base_context(registration), "position": position},
    )


def send_offer(offer: PlaceOffer) -> None:
    notify(
        message=messages.PLACE_OFFERED,
        recipient=offer.registration.person,
        key=f"offer-{offer.pk}",
        context={
            **_base_context(offer.registration),
            "offer": offer,
            "offer_url": absolute_url(reverse("events:offer", kwargs={"token": offer.token})),
        },
    )


def send_offer_expired(offer: PlaceOffer) -> None:
    notify(
        message=messages.OFFER_EXPIRED,
        recipient=offer.registration.person,
        key=f"offer-{offer.pk}",
        context={**_base_context(offer.registration), "offer": offer},
    )


def send_day1_moved(registration: Registration) -> None:
    notify(
        message=messages.DAY1_MOVED,
        recipient=registration.person,
        key=f"{messages.registration_key(registration)}-day1-{registration.day1_cohort_id or registration.cohort_id}",
        context=_base_context(registration),
        attachments=_calendar(registration),
    )


def send_cancelled(registration: Registration, *, reason: str) -> None:
    notify(
        message=messages.COHORT_CANCELLED,
        recipient=registration.person,
        key=messages.registration_key(registration),
        context={**_base_context(registration), "reason": reason},
    )


def _due_context(item: DueMessage) -> dict:
    context = {**_base_context(item.registration), "session": item.session, "due_on": item.due_on}
    if item.message == messages.PRE_COURSE_PACK:
        courses = {session.course_id for session in context["sessions"]}
        links = CourseReading.objects.filter(course_id__in=courses, reading__live=True).select_related("reading")
        context["readings"] = [(link.reading.title, link.reading.get_full_url()) for link in links]
    else:
        context["sections"] = list(SectionPage.objects.child_of(item.session.course).live().order_by("number"))
    return context


def send_due(registration: Registration, *, rules: CohortRules, today: datetime.date) -> int:
    """Send the pack and agendas that are due by `today` and not sent yet; returns how many were new."""
    sent = 0
    for item in sendable_now(registration, rules=rules, today=today):
        attachments = None
        if item.message == messages.AGENDA:
            day = build_calendar(item.session.course.title, [(item.session, item.cohort)])
            attachments = [("day.ics", day, "text/calendar")]
        sent += (
            notify(
                message=item.message,
                recipient=registration.person,
                key=item.key,
                context=_due_context(item),
                attachments=attachments,
            )
            is not None
        )
    return sent


def cohort_messages_send_due(*, today: datetime.date | None = None) -> int:
    """The daily sweep (`manage.py send_due_cohort_messages` and its task): every confirmed
    participant of every open cohort gets what has fallen due. Safe to run any number of times."""
    today = today or timezone.localdate()
    rules = current_rules()
    registrations = (
        Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            cohort__in=Cohort.objects.filter(status__in=Cohort.OPEN_STATUSES, sessions__date__gte=today).values("pk"),
        )
        .select_related("person", "cohort__venue", "day1_cohort__venue")
        .prefetch_related("cohort__sessions__course", "day1_cohort__sessions__course")
    )
    sent = 0
    for registration in registrations:
        with transaction.atomic():
            sent += send_due(registration, rules=rules, today=today)
    return sent
