"""The confirmed places of the cohorts on the dashboard, read once and shared by the providers that
follow each person through their days (packs, agendas, readings, family preparation).

Places are plain rows, grouped by the days they come to; events' rules that depend only on the days
(`messages_due`, `sessions_for_registration`) run once a group, on one of its registrations
(issue #8: they ran once for each of 65,000 places).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Prefetch
from django.db.models.functions import TruncDate

from events.models import Cohort, Registration, Session


class Place(NamedTuple):
    """A confirmed registration as the providers read it (`pk` names its messages, events.messages)."""

    pk: int
    cohort_id: int
    person_id: int
    skips_day1: bool
    day1_cohort_id: int | None
    registered_on: datetime.date
    applying_as: str


@dataclass
class DayGroup:
    """Places coming to the same days: one cohort, one Day 1 arrangement (events.selectors.sessions).
    `example` is one of them as a registration carrying its cohorts and their sessions."""

    example: Registration
    places: list[Place]


def day_sessions():
    """A cohort's days with their course (kind and title), for `Prefetch("sessions")`."""
    return Session.objects.only("cohort_id", "course_id", "date", "starts_at").prefetch_related("course")


def confirmed_places(cohorts: list[Cohort]) -> list[DayGroup]:
    """Confirmed registrations on `cohorts` (which carry their sessions), grouped by their days. One
    query, and a few more only for Day 1 guests from a cohort not shown (their Day 1's cohort)."""
    by_id = {cohort.pk: cohort for cohort in cohorts}
    rows = (
        Registration.objects.filter(cohort_id__in=by_id, status=Registration.Status.CONFIRMED)
        .annotate(registered_on=TruncDate("registered_at"))
        .values_list(*Place._fields)
        .order_by()
    )
    groups = defaultdict(list)
    for place in map(Place._make, rows):
        groups[place.cohort_id, place.skips_day1, place.day1_cohort_id].append(place)
    guest_of = {day1_cohort_id for _, _, day1_cohort_id in groups if day1_cohort_id} - set(by_id)
    if guest_of:
        others = Cohort.objects.filter(pk__in=guest_of).only("pk")
        by_id |= {cohort.pk: cohort for cohort in others.prefetch_related(Prefetch("sessions", day_sessions()))}
    return [DayGroup(example=_registration(places[0], by_id), places=places) for places in groups.values()]


def _registration(place: Place, cohorts: dict[int, Cohort]) -> Registration:
    registration = Registration(
        pk=place.pk,
        person_id=place.person_id,
        status=Registration.Status.CONFIRMED,
        skips_day1=place.skips_day1,
        applying_as=place.applying_as,
    )
    registration.cohort = cohorts[place.cohort_id]
    if place.day1_cohort_id:
        registration.day1_cohort = cohorts[place.day1_cohort_id]
    return registration
