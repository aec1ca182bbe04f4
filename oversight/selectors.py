"""The fidelity dashboard's reads: is the programme delivered as designed? (issue #7 point 1)"""

import datetime
from dataclasses import dataclass

from django.db.models import Min, Prefetch, QuerySet

from events.models import Cohort, Session
from events.rules import current_rules
from oversight.measures import CohortRow, Figure, MeasureContext, combine, combine_by_region
from oversight.providers import DEFINITIONS, PROVIDERS
from oversight.providers.trainers import trainer_pipeline


@dataclass
class FidelityReport:
    rows: list[CohortRow]
    overall: list[Figure]
    by_region: list[tuple[object, list[Figure]]]
    pipeline: list[tuple[str, int]]


def cohorts_in_scope(
    user, *, region=None, start: datetime.date | None = None, end: datetime.date | None = None
) -> QuerySet[Cohort]:
    """A facilitator's regions only (programme admins: all); the period is the cohort's first day."""
    cohorts = Cohort.objects.in_regions_of(user).annotate(first_day=Min("sessions__date"))
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
    sessions = Prefetch("sessions", queryset=Session.objects.select_related("course").order_by("date", "starts_at"))
    loaded = list(cohorts.with_counts().select_related("region").prefetch_related(sessions).order_by("first_day", "pk"))
    context = MeasureContext(today=today, rules=current_rules())
    rows = [CohortRow(cohort) for cohort in loaded]
    by_id = {row.cohort.pk: row for row in rows}
    for provider in PROVIDERS:
        for cohort_id, values in provider(loaded, context).items():
            by_id[cohort_id].values.update(values)
    return FidelityReport(
        rows=rows,
        overall=combine(DEFINITIONS, rows),
        by_region=combine_by_region(DEFINITIONS, rows),
        pipeline=trainer_pipeline(regions),
    )
