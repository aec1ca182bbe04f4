"""Row locks that keep a cohort's places consistent when people register at the same moment.

Every service that takes or frees a place locks the cohort row first (`SELECT … FOR UPDATE` on
PostgreSQL; SQLite serialises writers anyway), counts places inside the lock, and commits. Several
cohorts are locked in primary-key order so two services never wait on each other.

A locked cohort comes with its venue and its sessions with their course pages, so the checks,
messages and calendars that follow read them from memory instead of querying again (issue #8).
Not `Prefetch("sessions", queryset=…)`: modelcluster's manager then caches that queryset without the
cohort filter, so `cohort.sessions.filter(…)` would read every cohort's sessions.
"""

import datetime

from django.utils import timezone

from events.models import Cohort


def lock_cohorts(*cohorts: Cohort) -> list[Cohort]:
    ids = sorted({cohort.pk for cohort in cohorts})
    locked = {
        cohort.pk: cohort
        for cohort in Cohort.objects.select_for_update(of=("self",))
        .select_related("venue")
        .prefetch_related("sessions__course")
        .filter(pk__in=ids)
        .order_by("pk")
    }
    return [locked[cohort.pk] for cohort in cohorts]


def lock_cohort(cohort: Cohort) -> Cohort:
    return lock_cohorts(cohort)[0]


def today() -> datetime.date:
    return timezone.localdate()
