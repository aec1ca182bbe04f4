"""The fidelity dashboard's reads: is the programme delivered as designed? (issue #7 point 1)"""

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone

from core.process_memory import ProcessMemory
from events.access import managed_regions_key
from events.models import Cohort, Registration, Session
from events.models.cohorts import subquery_count
from events.models.rules import current_rules
from oversight import conf
from oversight.measures import CohortRow, Figure, MeasureContext, combine, combine_by_region
from oversight.providers import DEFINITIONS, PROVIDERS
from oversight.providers.places import confirmed_places, day_sessions
from oversight.providers.trainers import trainer_pipeline

_kept_reports = ProcessMemory("OVERSIGHT_REPORT_KEPT_SECONDS", most=50)

#: What the report reads of a cohort: its line in the table and what the status figures need.
COHORT_FIELDS = ("title", "status", "cancellation_reason", "cancelled_reason", "mix_override_reason", "region__name")


@dataclass(frozen=True)
class CohortLine:
    """A cohort as the dashboard lists it: plain values, small enough to keep in the cache."""

    title: str
    region: str
    first_day: datetime.date | None
    status: str
    cancelled_reason: str


@dataclass
class FidelityReport:
    rows: list[CohortLine]
    overall: list[Figure]
    by_region: list[tuple[str, list[Figure]]]
    pipeline: list[tuple[str, int]]
    computed_at: datetime.datetime


def cohorts_in_scope(
    user, *, region=None, start: datetime.date | None = None, end: datetime.date | None = None
) -> QuerySet[Cohort]:
    """A facilitator's regions only (programme admins: all); the period is the cohort's first day
    (a correlated subquery, so no GROUP BY over every column)."""
    first_day = Subquery(Session.objects.filter(cohort=OuterRef("pk")).order_by("date").values("date")[:1])
    cohorts = Cohort.objects.in_regions_of(user).annotate(first_day=first_day)
    if region is not None:
        cohorts = cohorts.filter(region=region)
    if start is not None:
        cohorts = cohorts.filter(first_day__gte=start)
    if end is not None:
        cohorts = cohorts.filter(first_day__lte=end)
    return cohorts


def fidelity_report(cohorts: QuerySet[Cohort], *, regions, today: datetime.date) -> FidelityReport:
    """Every measure for every cohort, then added up by region and overall. A fixed number of queries
    whatever the number of cohorts: each provider reads all cohorts at once."""
    confirmed = subquery_count(Registration.objects.filter(cohort=OuterRef("pk"), status=Registration.Status.CONFIRMED))
    loaded = list(
        cohorts.annotate(confirmed_count=confirmed)
        .select_related("region")
        .only(*COHORT_FIELDS)
        .prefetch_related(Prefetch("sessions", day_sessions()))
        .order_by("first_day", "pk")
    )
    context = MeasureContext(today=today, rules=current_rules(), places=confirmed_places(loaded))
    rows = [CohortRow(cohort) for cohort in loaded]
    by_id = {row.cohort.pk: row for row in rows}
    for provider in PROVIDERS:
        for cohort_id, values in provider(loaded, context).items():
            by_id[cohort_id].values.update(values)
    return FidelityReport(
        rows=[_line(cohort) for cohort in loaded],
        overall=combine(DEFINITIONS, rows),
        by_region=[(region.name, figures) for region, figures in combine_by_region(DEFINITIONS, rows)],
        pipeline=trainer_pipeline(regions),
        computed_at=timezone.now(),
    )


def _line(cohort: Cohort) -> CohortLine:
    return CohortLine(
        title=cohort.title,
        region=cohort.region.name,
        first_day=cohort.first_day,
        status=cohort.get_status_display(),
        cancelled_reason=": ".join(
            part for part in (cohort.get_cancellation_reason_display(), cohort.cancelled_reason) if part
        ),
    )


def fidelity_report_key(user, *, region=None, start=None, end=None, today: datetime.date) -> str:
    """What a report is kept under: the regions the person may see, the filters and the day, so
    nobody is shown a report computed for someone who sees more."""
    scope = managed_regions_key(user)
    return f"oversight:fidelity:{scope}:{region.pk if region else ''}:{start or ''}:{end or ''}:{today}"


def cached_fidelity_report(user, *, regions, region=None, start=None, end=None, today: datetime.date) -> FidelityReport:
    """The report for these regions and filters, worked out at most once per
    `REPORT_CACHE_SECONDS` (issue #8: the figures may lag by that much, and the page says when they
    were worked out).

    The shared cache holds it for every app process; each process also keeps the last it read for
    `OVERSIGHT_REPORT_KEPT_SECONDS`, because reading it back from the cache (half a megabyte for a
    programme year's 4,500 cohorts at scale 1) was most of the page's time."""
    key = fidelity_report_key(user, region=region, start=start, end=end, today=today)
    return _kept_reports.get(
        key,
        lambda: cache.get_or_set(
            key,
            lambda: fidelity_report(
                cohorts_in_scope(user, region=region, start=start, end=end), regions=regions, today=today
            ),
            conf.REPORT_CACHE_SECONDS,
        ),
    )
