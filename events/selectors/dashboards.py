"""What several panels of one dashboard read, loaded once per request (issue #8).

A dashboard is made of panels from several apps (core's templates include each app's tags), and some
of them show the same rows: the participant's registrations (their courses and their course work),
the cohorts a trainer is on (their deliveries and what to record for them). The first panel to ask
loads them; they are kept on the request, never across requests, so a change shows on the next page.
"""

from events.models import Cohort, Registration
from events.selectors.cohorts import my_courses, trainer_cohorts


def own_courses(request) -> list[Registration]:
    """The signed-in participant's registrations as `my_courses` loads them (with their days, venues and
    open offers), once per request: any app's dashboard panel given the request reuses them."""
    if not hasattr(request, "_own_courses"):
        request._own_courses = my_courses(request.user)
    return request._own_courses


def own_delivery_cohorts(request) -> list[Cohort]:
    """The cohorts the signed-in trainer is on as `trainer_cohorts` loads them (not cancelled, newest
    first day first, with the confirmed count and the days), once per request."""
    if not hasattr(request, "_own_delivery_cohorts"):
        request._own_delivery_cohorts = list(trainer_cohorts(request.user))
    return request._own_delivery_cohorts
