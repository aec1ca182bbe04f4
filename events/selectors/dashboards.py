"""What several panels of one dashboard read, loaded once per request (core.request_memo, issue #8):
the participant's registrations (their courses and their course work), the cohorts a trainer is on
(their deliveries and what to record for them), the regions a facilitator manages (their cohorts and
their teams to change).
"""

from core.request_memo import once_per_request
from events.access import managed_region_ids
from events.models import Cohort, Registration
from events.selectors.cohorts import my_courses, trainer_cohorts


def own_courses(request) -> list[Registration]:
    """The signed-in participant's registrations as `my_courses` loads them (with their days, venues and
    open offers), once per request: any app's dashboard panel given the request reuses them."""
    return once_per_request(request, "events:own-courses", lambda: my_courses(request.user))


def own_delivery_cohorts(request) -> list[Cohort]:
    """The cohorts the signed-in trainer is on as `trainer_cohorts` loads them (not cancelled, newest
    first day first, with the confirmed count and the days), once per request."""
    return once_per_request(request, "events:own-delivery-cohorts", lambda: list(trainer_cohorts(request.user)))


def own_region_ids(request) -> tuple[int, ...] | None:
    """`managed_region_ids` of the signed-in person, once per request."""
    return once_per_request(request, "events:own-region-ids", lambda: managed_region_ids(request.user))
