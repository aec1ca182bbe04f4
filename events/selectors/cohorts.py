"""Cohort pages: the public listing, a participant's courses and the shared cohort page.

Each read is a fixed number of queries however many cohorts and registrations there are
(CONVENTIONS.md), so listings stay fast as the programme grows.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone

from courses.models import CourseLearningOutcome
from events.models import Cohort, PlaceOffer, Registration, Session
from events.models.rules import CohortRules
from events.selectors.day1 import people_who_did_day1
from events.selectors.deadlines import DueMessage, overdue_messages
from events.selectors.mix import MIX_FIELDS, MixReport, below_target_note, evaluate_mix
from events.selectors.sessions import participant_can_cancel, sessions_with_cohorts

# A cohort page's days with their course's title and kind, and when the version of the course they are
# delivered from was saved (fixed on confirming). Unordered: `Cohort.ordered_sessions` sorts them.
SESSIONS = Prefetch(
    "sessions",
    queryset=Session.objects.with_course_names()
    .annotate(course_version_at=F("course_revision__created_at"))
    .order_by(),
)
DAY1_SESSIONS = Prefetch("day1_cohort__sessions", queryset=Session.objects.with_course_names())
OPEN_OFFERS = Prefetch(
    "offers", queryset=PlaceOffer.objects.filter(outcome=PlaceOffer.Outcome.PENDING), to_attr="open_offers"
)


def open_cohorts(
    *,
    today: datetime.date,
    region_code: str = "",
    local_authority_code: str = "",
    course_id: int | None = None,
    month: datetime.date | None = None,
) -> QuerySet[Cohort]:
    """Cohorts open for registration, by region and date, with what a newcomer needs to decide:
    the days and times, the venue and its access, places left and the course outcomes (000:L6827–6838).
    Optionally only those in a region or local authority, with a day of a course, or starting in
    the month of `month` (issue #23 point 1). Training for Trainers is not here: candidates book it
    from their trainer pathway, where the pre-reading gate is checked (000:L404–406)."""
    cohorts = (
        Cohort.objects.open_for_registration(today)
        .exclude(path=Cohort.Path.T4T)
        .with_counts()
        .with_first_date()
        .select_related("region", "local_authority", "venue")
        .prefetch_related(
            Prefetch(
                "sessions",
                queryset=Session.objects.select_related("course").prefetch_related(
                    Prefetch("course__outcome_links", queryset=CourseLearningOutcome.objects.select_related("outcome"))
                ),
            )
        )
        .order_by("region__name", "first_date", "pk")
    )
    if region_code:
        cohorts = cohorts.filter(region__code=region_code)
    if local_authority_code:
        cohorts = cohorts.filter(local_authority__code=local_authority_code)
    if course_id is not None:
        cohorts = cohorts.filter(Exists(Session.objects.filter(cohort=OuterRef("pk"), course_id=course_id)))
    if month is not None:
        next_month = (month + datetime.timedelta(days=32)).replace(day=1)
        cohorts = cohorts.filter(first_date__gte=month, first_date__lt=next_month)
    return cohorts


def registrations_of(person) -> QuerySet[Registration]:
    """A participant's own registrations, newest cohort first, with their days."""
    return (
        Registration.objects.filter(person=person)
        .select_related("cohort__venue", "cohort__region", "day1_cohort__venue")
        .prefetch_related(Prefetch("cohort__sessions", queryset=Session.objects.with_course_names()), DAY1_SESSIONS)
        .order_by("-registered_at")
    )


def my_courses(person) -> list[Registration]:
    """A participant's registrations, each with `days`: the (session, cohort) pairs they attend,
    `can_cancel` (`participant_can_cancel`), and
    the offered ones with `open_offers`. Only a registration offered a place holds an open offer
    (`events.services.waiting_list`), so nobody else's offers are looked up."""
    registrations = list(registrations_of(person))
    prefetch_related_objects([r for r in registrations if r.status == Registration.Status.OFFERED], OPEN_OFFERS)
    today = timezone.localdate()
    for registration in registrations:
        registration.days = sessions_with_cohorts(registration)
        registration.can_cancel = participant_can_cancel(registration, today)
    return registrations


def trainer_cohorts(trainer) -> QuerySet[Cohort]:
    """The cohorts a trainer is on (through `trainers.DeliveryAssignment`'s related name), with their
    first day for `Cohort.is_at_risk`."""
    return (
        Cohort.objects.filter(delivery_assignments__trainer=trainer)
        .exclude(status=Cohort.Status.CANCELLED)
        .with_confirmed_count()
        .with_first_date()
        .order_by("-first_date")
    )


@dataclass
class CohortOverview:
    """Everything the facilitator and the trainers share about one cohort (DOMAIN.md §4)."""

    cohort: Cohort
    at_risk: bool
    sessions: list[tuple[Session, bool]]
    confirmed: list[Registration]
    offered: list[Registration]
    waiting: list[Registration]
    day1_guests: list[Registration]
    mix: MixReport
    unprepared: list[tuple[Registration, list[str]]]
    missed_day1: list[Registration]
    overdue: list[DueMessage]
    #: "8 confirmed: below the usual size of 16." while short of the usual size (000:L2690), else "".
    below_target: str = ""


def overview_cohorts(cohorts: QuerySet[Cohort]) -> QuerySet[Cohort]:
    """`cohorts` with what `overview_of()` and the cohort page read from the cohort: its region and
    local authority, and its days (not its venue, which neither shows). The confirmed count
    (for `Cohort.is_at_risk`) is not counted here: `overview_of()` has the confirmed people."""
    return cohorts.select_related("region", "local_authority").prefetch_related(SESSIONS)


def overview_of(cohort: Cohort, *, rules: CohortRules, today: datetime.date) -> CohortOverview:
    """The overview of a cohort loaded by `overview_cohorts()`. Its active registrations and the
    people joining its Day 1 from another cohort are one query, which also gives its confirmed count."""
    by_status, guests = {status: [] for status in Registration.Status}, []
    for registration in _people_and_day1_guests(cohort):
        if registration.cohort_id == cohort.pk:
            registration.cohort = cohort
            by_status[registration.status].append(registration)
        else:
            guests.append(registration)
    confirmed, offered = by_status[Registration.Status.CONFIRMED], by_status[Registration.Status.OFFERED]
    cohort.confirmed_count = len(confirmed)  # what `with_confirmed_count()` would count, for `is_at_risk`
    prefetch_related_objects(offered, OPEN_OFFERS)
    prefetch_related_objects([r for r in confirmed if r.day1_cohort_id], DAY1_SESSIONS)
    day1 = next((session for session in cohort.ordered_sessions if session.is_day1), None)
    needs_day1 = [r for r in confirmed if not r.skips_day1 and not r.day1_cohort_id]
    done = (
        people_who_did_day1([registration.person_id for registration in needs_day1])
        if day1 and day1.date < today
        else set()
    )
    return CohortOverview(
        cohort=cohort,
        at_risk=cohort.is_at_risk(rules=rules, today=today),
        sessions=[
            (session, rules.is_parent_friendly(session.starts_at, session.ends_at))
            for session in cohort.ordered_sessions
        ],
        confirmed=confirmed,
        offered=offered,
        waiting=by_status[Registration.Status.WAITING],
        day1_guests=guests,
        mix=evaluate_mix([{name: getattr(r, name) for name in MIX_FIELDS} for r in confirmed], rules),
        below_target=below_target_note(len(confirmed), rules),
        unprepared=_unprepared(confirmed + offered),
        missed_day1=[r for r in needs_day1 if day1 and day1.date < today and r.person_id not in done],
        overdue=overdue_messages(confirmed, rules=rules, today=today),
    )


def _people_and_day1_guests(cohort: Cohort) -> list[Registration]:
    """The cohort's active registrations, and the confirmed people of other cohorts who attend its
    Day 1 (with their own cohort's `cohort_title`, to say where they come from; not the whole cohort,
    which only they would need), in the order they registered. A cohort's few dozen rows are sorted
    here: with this many columns selected, Django's ORDER BY costs more to compile than the sort."""
    registrations = (
        Registration.objects.filter(
            Q(cohort=cohort, status__in=Registration.ACTIVE_STATUSES)
            | Q(day1_cohort=cohort, status=Registration.Status.CONFIRMED)
        )
        .select_related("person", "preparation", "day1_cohort")
        .annotate(cohort_title=F("cohort__title"))
        .order_by()
    )
    return sorted(registrations, key=lambda registration: (registration.registered_at, registration.pk))


def _unprepared(registrations: list[Registration]) -> list[tuple[Registration, list[str]]]:
    """Parent carers and young people whose preparation is not complete (DOMAIN.md §5)."""
    missing = []
    for registration in registrations:
        steps = registration.preparation_missing_steps()
        if steps:
            missing.append((registration, steps))
    return missing
