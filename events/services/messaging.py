"""What cohorts tell people, through core.notifications: each message once per person and key.

`notify` renders at once, records a `core.Notification` and sends after commit through the task
worker. The pre-course pack and agendas follow `selectors.deadlines`: the daily sweep sends what has
fallen due (000:L2670–2676) and a late registrant gets everything already due at once.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core.models import Notification
from core.notifications import notify
from courses.models import CourseReading, SectionPage
from events import messages
from events.calendars import build_calendar, cohort_calendar, person_calendar
from events.models import Cohort, PlaceOffer, Registration, Session
from events.models.rules import CohortRules, current_rules
from events.selectors.deadlines import DueMessage, sendable_now
from events.selectors.sessions import sessions_for_registration


def absolute_url(path: str) -> str:
    """`path` on the public address (`WAGTAILADMIN_BASE_URL`, docs/deployment.md): read from settings,
    not the database, so a sweep's thousands of emails cost no query for it (issue #8)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


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


def _calendar_update(registration: Registration, method: str) -> list[tuple[str, str, str]]:
    return [
        ("course-dates.ics", person_calendar(registration.cohort.title, [registration], method=method), "text/calendar")
    ]


def _team_calendar(cohort: Cohort, method: str) -> list[tuple[str, str, str]]:
    return [("course-dates.ics", cohort_calendar(cohort, method=method), "text/calendar")]


def _team(cohort: Cohort) -> list:
    """The trainers on the cohort, read through the related name (events never imports trainers)."""
    return [assignment.trainer for assignment in cohort.delivery_assignments.select_related("trainer")]


def _team_context(cohort: Cohort) -> dict:
    return {"cohort": cohort, "venue": cohort.venue, "sessions": cohort.ordered_sessions}


def send_cancelled(cohort: Cohort, registrations: list[Registration], *, reason: str) -> None:
    """Everyone who was registered or waiting, and the team, with a calendar file that takes the days
    out of their calendars (METHOD:CANCEL)."""
    for registration in registrations:
        notify(
            message=messages.COHORT_CANCELLED,
            recipient=registration.person,
            key=messages.registration_key(registration),
            context={**_base_context(registration), "reason": reason},
            attachments=_calendar_update(registration, "CANCEL"),
        )
    for trainer in _team(cohort):
        notify(
            message=messages.COHORT_CANCELLED,
            recipient=trainer,
            key=f"cohort-{cohort.pk}",
            context={**_team_context(cohort), "reason": reason, "for_team": True},
            attachments=_team_calendar(cohort, "CANCEL"),
        )


def send_changed(cohort: Cohort, *, changes: list[str]) -> None:
    """Everyone with a place and everyone on the team, once per change (`messages.change_key`), with
    the days as a calendar file that updates the events they have (METHOD:REQUEST)."""
    key = messages.change_key(cohort)
    registrations = Registration.objects.holding_place_in(cohort).select_related(
        "person", "cohort__venue", "day1_cohort__venue"
    )
    for registration in registrations:
        notify(
            message=messages.COHORT_CHANGED,
            recipient=registration.person,
            key=key,
            context={**_base_context(registration), "changes": changes},
            attachments=_calendar_update(registration, "REQUEST"),
        )
    for trainer in _team(cohort):
        notify(
            message=messages.COHORT_CHANGED,
            recipient=trainer,
            key=key,
            context={**_team_context(cohort), "changes": changes, "for_team": True},
            attachments=_team_calendar(cohort, "REQUEST"),
        )


def send_place_cancelled(registration: Registration, *, reason: str) -> None:
    """The person whose place is cancelled, by themselves or by the facilitator, is told (issue #21)."""
    notify(
        message=messages.PLACE_CANCELLED,
        recipient=registration.person,
        key=messages.registration_key(registration),
        context={**_base_context(registration), "reason": reason},
        attachments=_calendar_update(registration, "CANCEL"),
    )


def _due_context(item: DueMessage, materials: dict) -> dict:
    """The message's context; the pack's readings and an agenda's sections are read once per course
    set in a sweep (`materials` is the sweep's memo), not once per participant."""
    context = {**_base_context(item.registration), "session": item.session, "due_on": item.due_on}
    if item.message == messages.PRE_COURSE_PACK:
        courses = frozenset(session.course_id for session in context["sessions"])
        if ("readings", courses) not in materials:
            links = CourseReading.objects.filter(course_id__in=courses, reading__live=True).select_related("reading")
            materials["readings", courses] = [(link.reading.title, link.reading.get_full_url()) for link in links]
        context["readings"] = materials["readings", courses]
    else:
        course = item.session.course
        if ("sections", course.pk) not in materials:
            materials["sections", course.pk] = list(SectionPage.objects.child_of(course).live().order_by("number"))
        context["sections"] = materials["sections", course.pk]
    return context


def _send_items(registration: Registration, items: list[DueMessage], materials: dict) -> int:
    sent = 0
    for item in items:
        attachments = None
        if item.message == messages.AGENDA:
            day = build_calendar(item.session.course.title, [(item.session, item.cohort)])
            attachments = [("day.ics", day, "text/calendar")]
        sent += (
            notify(
                message=item.message,
                recipient=registration.person,
                key=item.key,
                context=_due_context(item, materials),
                attachments=attachments,
            )
            is not None
        )
    return sent


def send_due(registration: Registration, *, rules: CohortRules, today: datetime.date) -> int:
    """Send the pack and agendas that are due by `today` and not sent yet; returns how many were new."""
    return _send_items(registration, sendable_now(registration, rules=rules, today=today), {})


#: Registrations whose recorded messages the sweep reads in one query.
SWEEP_BATCH = 500


def _recorded(items: list[DueMessage]) -> set[tuple[str, int, str]]:
    """(message, recipient, key) of the items already recorded, in one query: the sweep skips those
    without asking `notify`, which still records and dedupes every message it is given."""
    if not items:
        return set()
    return set(
        Notification.objects.filter(
            message__in={item.message for item in items},
            recipient_id__in={item.registration.person_id for item in items},
            key__in={item.key for item in items},
        ).values_list("message", "recipient_id", "key")
    )


def _sweep_registrations(today: datetime.date, rules: CohortRules) -> list[Registration]:
    """Confirmed registrations on open cohorts that attend a day between today and the furthest
    deadline ahead (the pack or an agenda): nobody else can have anything due today."""
    horizon = today + datetime.timedelta(days=max(rules.pre_course_pack_days, rules.agenda_days))
    days_ahead = Session.objects.filter(date__gte=today, date__lte=horizon).values("cohort_id")
    return list(
        Registration.objects.filter(
            Q(cohort__in=days_ahead) | Q(day1_cohort__in=days_ahead),
            status=Registration.Status.CONFIRMED,
            cohort__in=Cohort.objects.filter(status__in=Cohort.OPEN_STATUSES, sessions__date__gte=today).values("pk"),
        )
        .select_related("person", "cohort__venue", "day1_cohort__venue")
        .prefetch_related("cohort__sessions__course", "day1_cohort__sessions__course")
        .order_by("pk")
    )


def cohort_messages_send_due(*, today: datetime.date | None = None) -> int:
    """The daily sweep (`manage.py send_due_cohort_messages` and its task): every confirmed
    participant of every open cohort gets what has fallen due. Safe to run any number of times."""
    today = today or timezone.localdate()
    rules = current_rules()
    registrations = _sweep_registrations(today, rules)
    materials: dict = {}
    sent = 0
    for start in range(0, len(registrations), SWEEP_BATCH):
        due = {
            registration: sendable_now(registration, rules=rules, today=today)
            for registration in registrations[start : start + SWEEP_BATCH]
        }
        recorded = _recorded([item for items in due.values() for item in items])
        for registration, items in due.items():
            new = [item for item in items if (item.message, registration.person_id, item.key) not in recorded]
            if new:
                with transaction.atomic():
                    sent += _send_items(registration, new, materials)
    return sent
