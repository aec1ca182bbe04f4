"""The feedback panels of the participant's and the trainer's dashboards, from the rows the events panels
of the same page loaded (`events.selectors.dashboards`: once per request), so a dashboard reads a
person's registrations, or a trainer's cohorts, once (issue #8)."""

from operator import attrgetter

from django.db.models import prefetch_related_objects

from events.models import Cohort, Registration
from events.selectors.dashboards import own_courses, own_delivery_cohorts


def own_course_work_registrations(request) -> list[Registration]:
    """The signed-in participant's confirmed registrations on a cohort not cancelled, newest first: the
    courses the course work is about, with what `course_summaries` reads (their cohorts' days with the
    course pages, as `own_courses` loads them, and the certificate: one query)."""
    registrations = [
        registration
        for registration in own_courses(request)
        if registration.status == Registration.Status.CONFIRMED
        and registration.cohort.status != Cohort.Status.CANCELLED
    ]
    prefetch_related_objects(registrations, "certificate")
    return registrations


def own_cohorts_by_creation(request) -> list[Cohort]:
    """The cohorts the signed-in trainer is on (not cancelled), the newest created first."""
    return sorted(own_delivery_cohorts(request), key=attrgetter("created_at"), reverse=True)
