"""The generation of what the public sees of cohorts (core.caching, issue #20).

The public cohort listing, a cohort's page and the calendar feeds are kept in the shared cache under
`COHORTS`: saving or deleting a cohort, a day, a venue, a registration or a region bumps it, so a
new cohort or a place taken shows on every app process's next page.
"""

from core.caching import bump_on_change
from core.models import Region

COHORTS = "events-cohorts"


def bump_on_cohort_change(event_models) -> None:
    """Called once the app registry is ready (EventsConfig.ready)."""
    bump_on_change(COHORTS, [Region, *event_models])
