"""When each participant's pre-course pack and agendas are due (000:L2670–2676), in one place.

The daily sweep sends what is due, a late registrant gets everything already due at once, and the
cohort page lists what is overdue: all three read `messages_due`, so they can never disagree.
"""

import datetime
from dataclasses import dataclass

from core.models import Notification
from events import messages
from events.models import Cohort, Registration, Session
from events.models.rules import CohortRules
from events.selectors.sessions import sessions_with_cohorts


@dataclass(frozen=True)
class DueMessage:
    registration: Registration
    message: str
    key: str
    due_on: datetime.date
    label: str
    session: Session
    cohort: Cohort


def messages_due(registration: Registration, *, rules: CohortRules) -> list[DueMessage]:
    """The pack before the first day this person attends, and an agenda before each of their days."""
    sessions = sessions_with_cohorts(registration)
    if not sessions:
        return []
    first, first_cohort = sessions[0]
    pack = DueMessage(
        registration=registration,
        message=messages.PRE_COURSE_PACK,
        key=messages.registration_key(registration),
        due_on=first.date - datetime.timedelta(days=rules.pre_course_pack_days),
        label="Pre-course pack",
        session=first,
        cohort=first_cohort,
    )
    agendas = [
        DueMessage(
            registration=registration,
            message=messages.AGENDA,
            key=messages.session_key(registration, session),
            due_on=session.date - datetime.timedelta(days=rules.agenda_days),
            label=f"Agenda and letter for {session.course.title}",
            session=session,
            cohort=cohort,
        )
        for session, cohort in sessions
    ]
    return [pack, *agendas]


def sendable_now(registration: Registration, *, rules: CohortRules, today: datetime.date) -> list[DueMessage]:
    """Due by today, about a day not yet past: the sweep sends these, and late registrants get them at once."""
    return [item for item in messages_due(registration, rules=rules) if item.due_on <= today <= item.session.date]


def messages_coming(
    registrations: list[Registration], *, rules: CohortRules, today: datetime.date
) -> list[tuple[str, datetime.date, int]]:
    """(label, due on, how many people) of the packs and agendas not yet due and not already sent
    (a facilitator may send them early from the cohort page), soonest first: what the daily sweep
    will send (000:L2670–2676). One query, for what was sent."""
    coming = not_sent(
        [
            item
            for registration in registrations
            for item in messages_due(registration, rules=rules)
            if item.due_on >= today
        ]
    )
    counts: dict[tuple[datetime.date, str], int] = {}
    for item in coming:
        counts[item.due_on, item.label] = counts.get((item.due_on, item.label), 0) + 1
    return [(label, due_on, count) for (due_on, label), count in sorted(counts.items())]


def not_sent(items: list[DueMessage]) -> list[DueMessage]:
    """Those of `items` not yet sent to their participant (one query; none for no items)."""
    if not items:
        return []
    sent = set(
        Notification.objects.filter(
            status=Notification.Status.SENT,
            message__in={item.message for item in items},
            recipient_id__in={item.registration.person_id for item in items},
        ).values_list("message", "recipient_id", "key")
    )
    return [item for item in items if (item.message, item.registration.person_id, item.key) not in sent]


def overdue_messages(
    registrations: list[Registration], *, rules: CohortRules, today: datetime.date
) -> list[DueMessage]:
    """Deadline passed and not sent to this participant: shown on the cohort (DOMAIN.md §4)."""
    return not_sent(
        [
            item
            for registration in registrations
            for item in messages_due(registration, rules=rules)
            if item.due_on < today <= item.session.date
        ]
    )
