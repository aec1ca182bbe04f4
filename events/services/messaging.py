"""What cohorts tell people, through core.notifications: each message once per person and key.

`notify` renders at once, records a `core.Notification` and sends after commit through the task
worker. The pre-course pack and agendas follow `selectors.deadlines`: the daily sweep sends what has
fallen due (000:L2670–2676) and a late registrant gets everything already due at once.
"""

import dataclasses
import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from core.dates import deadline
from core.models import Notification, User
from core.notifications import notify
from core.notifications.links import absolute_url
from core.notifications.senders import Sender, region_sender
from courses.models import CourseReading, SectionPage
from events import messages
from events.calendars import build_calendar, cohort_calendar, person_calendar
from events.models import Cohort, PlaceOffer, Registration, Session
from events.models.rules import CohortRules, current_rules
from events.selectors.deadlines import DueMessage, messages_due, sendable_now
from events.selectors.sessions import sessions_for_registration


def _base_context(registration: Registration) -> dict:
    return {
        "registration": registration,
        "cohort": registration.cohort,
        "venue": registration.cohort.venue,
        "sessions": sessions_for_registration(registration),
        "my_courses_url": absolute_url(reverse("events:my_registrations")),
    }


def cohort_sender(cohort: Cohort, memo: dict | None = None) -> Sender:
    """Who signs a cohort's messages and receives replies: its region's facilitator or contact
    address (issue #22 point 1); `memo` keeps it for a sweep's other messages in the region."""
    memo = {} if memo is None else memo
    if ("sender", cohort.region_id) not in memo:
        memo["sender", cohort.region_id] = region_sender(cohort.region)
    return memo["sender", cohort.region_id]


def _calendar(registration: Registration) -> list[tuple[str, str, str]]:
    return [("course-dates.ics", person_calendar(registration.cohort.title, [registration]), "text/calendar")]


def send_confirmed(registration: Registration, *, rules: CohortRules, today: datetime.date) -> None:
    """The place is theirs: confirmation with a calendar file, then anything already due (late registrants)."""
    notify(
        message=messages.REGISTRATION_CONFIRMED,
        recipient=registration.person,
        key=messages.registration_key(registration),
        sender=cohort_sender(registration.cohort),
        context=_base_context(registration),
        attachments=_calendar(registration),
    )
    send_due(registration, rules=rules, today=today)


def send_waiting(registration: Registration, *, position: int) -> None:
    notify(
        message=messages.WAITING_LIST,
        recipient=registration.person,
        key=messages.registration_key(registration),
        sender=cohort_sender(registration.cohort),
        context={**_base_context(registration), "position": position},
    )


def send_offer(offer: PlaceOffer) -> None:
    notify(
        message=messages.PLACE_OFFERED,
        recipient=offer.registration.person,
        key=f"offer-{offer.pk}",
        sender=cohort_sender(offer.registration.cohort),
        context={
            **_base_context(offer.registration),
            "offer": offer,
            "reply_by": deadline(offer.expires_at),
            "offer_url": absolute_url(reverse("events:offer", kwargs={"token": offer.token})),
        },
    )


def send_offer_expired(offer: PlaceOffer) -> None:
    notify(
        message=messages.OFFER_EXPIRED,
        recipient=offer.registration.person,
        key=f"offer-{offer.pk}",
        sender=cohort_sender(offer.registration.cohort),
        context={**_base_context(offer.registration), "offer": offer},
    )


def send_day1_moved(registration: Registration) -> None:
    notify(
        message=messages.DAY1_MOVED,
        recipient=registration.person,
        sender=cohort_sender(registration.cohort),
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
    sender = cohort_sender(cohort)
    for registration in registrations:
        notify(
            message=messages.COHORT_CANCELLED,
            recipient=registration.person,
            key=messages.registration_key(registration),
            sender=sender,
            context={**_base_context(registration), "reason": reason},
            attachments=_calendar_update(registration, "CANCEL"),
        )
    for trainer in _team(cohort):
        notify(
            message=messages.COHORT_CANCELLED,
            recipient=trainer,
            key=f"cohort-{cohort.pk}",
            sender=sender,
            context={**_team_context(cohort), "reason": reason, "for_team": True},
            attachments=_team_calendar(cohort, "CANCEL"),
        )


def send_changed(cohort: Cohort, *, changes: list[str]) -> int:
    """Everyone with a place and everyone on the team, once per change (`messages.change_key`), with
    the days as a calendar file that updates the events they have (METHOD:REQUEST). Returns how many
    people with a place were told."""
    key, sender = messages.change_key(cohort), cohort_sender(cohort)
    registrations = list(
        Registration.objects.holding_place_in(cohort).select_related("person", "cohort__venue", "day1_cohort__venue")
    )
    for registration in registrations:
        notify(
            message=messages.COHORT_CHANGED,
            recipient=registration.person,
            key=key,
            sender=sender,
            context={**_base_context(registration), "changes": changes},
            attachments=_calendar_update(registration, "REQUEST"),
        )
    for trainer in _team(cohort):
        notify(
            message=messages.COHORT_CHANGED,
            recipient=trainer,
            key=key,
            sender=sender,
            context={**_team_context(cohort), "changes": changes, "for_team": True},
            attachments=_team_calendar(cohort, "REQUEST"),
        )
    return len(registrations)


def send_place_cancelled(registration: Registration, *, reason: str) -> None:
    """The person whose place is cancelled, by themselves or by the facilitator, is told (issue #21)."""
    notify(
        message=messages.PLACE_CANCELLED,
        recipient=registration.person,
        key=messages.registration_key(registration),
        sender=cohort_sender(registration.cohort),
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
            materials["readings", courses] = [(link.reading.pk, link.reading.title) for link in links]
        # Each reading's own page for this registration, where reading it is recorded (issue #22 point 1).
        context["readings"] = [
            (title, absolute_url(reverse("feedback:reading", args=[item.registration.pk, reading_pk])))
            for reading_pk, title in materials["readings", courses]
        ]
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
                sender=cohort_sender(registration.cohort, materials),
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


#: What a facilitator can send from the cohort page, with its audit action (issue #22 point 2).
SENDABLE_FROM_PAGE = {messages.PRE_COURSE_PACK: "events.cohort.send_pack", messages.AGENDA: "events.cohort.send_agenda"}


def _page_items(
    *, cohort: Cohort, message: str, session: Session | None, registration: Registration | None
) -> list[DueMessage]:
    """The pack (or the agenda of `session`) of one confirmed participant of the cohort, or of all."""
    if message not in SENDABLE_FROM_PAGE:
        raise ValidationError("Choose the pre-course pack or an agenda.", code="not_sendable")
    if message == messages.AGENDA and (session is None or session.cohort_id != cohort.pk):
        raise ValidationError("Choose one of this cohort's days for the agenda.", code="no_such_day")
    confirmed = Registration.objects.filter(
        Q(cohort=cohort) | Q(day1_cohort=cohort), status=Registration.Status.CONFIRMED
    ).select_related("person", "cohort__venue", "cohort__region", "day1_cohort__venue")
    if registration is not None:
        confirmed = confirmed.filter(pk=registration.pk)
        if not confirmed.exists():
            raise ValidationError("This person does not have a confirmed place on the cohort.", code="not_confirmed")
    rules = current_rules()
    return [
        item
        for each in confirmed.order_by("pk")
        for item in messages_due(each, rules=rules)
        if item.message == message and (session is None or item.session.pk == session.pk)
    ]


@transaction.atomic
def due_message_send(
    *,
    cohort: Cohort,
    message: str,
    actor: User,
    session: Session | None = None,
    registration: Registration | None = None,
) -> int:
    """Send the pre-course pack or a day's agenda now, from the cohort page (issue #22 point 2).

    To one person (`registration`) it is sent again even if they had it, at most once a minute
    (a double click sends one). To everyone it goes only to those who have not had it: nothing
    recorded yet, or a message that failed. Returns how many were recorded; audit entry on the cohort.
    """
    items = _page_items(cohort=cohort, message=message, session=session, registration=registration)
    recorded = dict(
        Notification.objects.filter(
            message=message, recipient_id__in={item.registration.person_id for item in items}
        ).values_list("key", "status")
    )
    resend_key = f"resent-{timezone.now():%Y%m%d%H%M}"
    materials: dict = {}
    sent = []
    for item in items:
        status = recorded.get(item.key)
        if status is not None and registration is None and status != Notification.Status.FAILED:
            continue
        key = item.key if status is None else f"{item.key}-{resend_key}"
        if _send_items(item.registration, [dataclasses.replace(item, key=key)], materials):
            sent.append(item.registration.pk)
    log(
        instance=cohort,
        action=SENDABLE_FROM_PAGE[message],
        user=actor,
        data={"registrations": sent, "session": session.pk if session else None},
    )
    return len(sent)
