"""The national-scale dataset (issue #8 point 1), built part by part in bulk; see `generate_national_data`."""

import time

from django.db import transaction

from bench.generator import cohorts, feedback, pathway, people, registrations, stock
from bench.generator.base import Context, Plan, analyze

#: In order: each part reads what the parts before it made (`Context.made`).
PARTS = (
    people.make_people,
    cohorts.make_venues,
    cohorts.make_cohorts,
    pathway.make_pathway,
    cohorts.make_teams,
    registrations.make_registrations,
    feedback.make_feedback,
    stock.make_stock_items,
)


def generate(plan: Plan, out) -> Context:
    ctx = Context(plan=plan, out=out)
    started = time.perf_counter()
    with transaction.atomic():
        for part in PARTS:
            part(ctx)
    with ctx.step("planner statistics (ANALYZE)"):
        analyze()
    ctx.total_seconds = time.perf_counter() - started
    return ctx
