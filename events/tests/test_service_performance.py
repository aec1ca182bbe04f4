"""The import and the daily events sweep at national scale (issue #8 point 3): their queries grow by a
fixed number per row or per message, never per cohort day or per course page, and the preview
reports what the import would, without rendering a single email."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from freezegun import freeze_time

from core.models import Notification
from events import messages
from events.models import Registration
from events.services.imports import ImportRejected, registrations_import, registrations_import_preview
from events.services.locking import lock_cohort
from events.services.messaging import cohort_messages_send_due
from events.services.registrations import registration_create
from events.tests.factories import RegistrationFactory, in_days, professional
from events.tests.services.test_imports import dataset, problems, row


def queries(action) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        action()
    return [query["sql"] for query in captured.captured_queries]


def touching(sql: list[str], table: str) -> int:
    return sum(f'"{table}"' in query for query in sql)


def reading(sql: list[str], table: str) -> int:
    """Queries that read `table` itself (not through a join, as the rules read the default site)."""
    return sum(f'FROM "{table}"' in query for query in sql)


def rows(label: str, count: int):
    return dataset(*(row(f"{label}-{n}@example.org") for n in range(count)))


# --- import --------------------------------------------------------------------------------------


#: Queries a new person's row costs in the preview (26): the row's savepoint and release (2), finding
#: and creating the person (2), registration_create's savepoint (2), the lock and the sessions with
#: their course pages (3), its three checks (already registered, Day 1 done, places), the insert and
#: Wagtail's reference-index task (2), the person's roles (1), granting Participant (savepoint,
#: group, membership check, insert, audit entry with its two checks: 8) and the registration's audit
#: entry (3). The import adds the rules and the confirmation (once-only check, its template,
#: savepoint, insert, release): 6 more, and who the confirmation comes from (the cohort's region and
#: its facilitator, for the Reply-To and sign-off, issue #22): 2 more.
PREVIEW_PER_ROW = 26
IMPORT_PER_ROW = PREVIEW_PER_ROW + 8


@pytest.mark.parametrize(
    ("importer", "per_row"), [(registrations_import, IMPORT_PER_ROW), (registrations_import_preview, PREVIEW_PER_ROW)]
)
def test_an_imports_queries_grow_by_a_constant_per_row(make_cohort, facilitator, importer, per_row):
    small, large = make_cohort(capacity=20), make_cohort(capacity=20)
    importer(cohort=make_cohort(capacity=20), dataset=rows("warm", 1), actor=facilitator)  # first-use caches

    few = queries(lambda: importer(cohort=small, dataset=rows("few", 4), actor=facilitator))
    many = queries(lambda: importer(cohort=large, dataset=rows("many", 12), actor=facilitator))

    assert len(many) - len(few) <= 8 * per_row
    # The locked cohort carries its sessions and their course pages: read once per row, never again.
    assert touching(many, "events_session") - touching(few, "events_session") == 8
    assert touching(many, "wagtailcore_page") - touching(few, "wagtailcore_page") == 8  # the session's course
    assert reading(many, "wagtailcore_site") == 0


def test_the_preview_renders_no_email_and_writes_nothing(make_cohort, facilitator):
    cohort = make_cohort(days=(5, 12), capacity=20)  # a late file: confirmation, pack and agenda all due

    preview = queries(lambda: registrations_import_preview(cohort=cohort, dataset=rows("p", 3), actor=facilitator))

    assert touching(preview, "core_notification") == 0
    assert touching(preview, "courses_coursereading") == 0
    assert not Registration.objects.exists() and not Notification.objects.exists()
    registrations_import(cohort=cohort, dataset=rows("p", 3), actor=facilitator)
    assert Notification.objects.filter(message=messages.PRE_COURSE_PACK).count() == 3


def test_the_preview_reports_exactly_the_rows_problems_the_import_would(make_cohort, fill, participant):
    cohort = make_cohort(capacity=7)
    fill(cohort, 4)
    RegistrationFactory(cohort=cohort, person=participant)
    file = dataset(
        row("one@example.org"),
        row("two@example.org", sectors="Health; Helth"),
        row("one@example.org"),
        row(participant.email),
        row("three@example.org", registered_on="31/31/2026"),
        row("four@example.org", organisation=""),
        row("five@example.org", first_name=""),
        row("six@example.org"),
        row("seven@example.org"),
    )

    preview = registrations_import_preview(cohort=cohort, dataset=file, actor=None)
    with pytest.raises(ImportRejected) as refused:
        registrations_import(cohort=cohort, dataset=file, actor=None)

    assert problems(preview) == problems(refused.value.result)
    assert set(problems(preview)) == {2, 3, 4, 5, 6, 7, 9}


def test_the_preview_reports_the_services_refusals_too(make_cohort):
    closed = make_cohort(status="draft")
    file = dataset(row("one@example.org"), row("two@example.org"))

    preview = registrations_import_preview(cohort=closed, dataset=file, actor=None)
    with pytest.raises(ImportRejected) as refused:
        registrations_import(cohort=closed, dataset=file, actor=None)

    assert problems(preview) == problems(refused.value.result)
    assert problems(preview) == {
        1: ["This cohort is not open for registration."],
        2: ["This cohort is not open for registration."],
    }


def test_a_locked_cohorts_sessions_are_its_own_however_they_are_read(make_cohort):
    cohort, other = make_cohort(days=(30, 44)), make_cohort(days=(31, 45))

    locked = lock_cohort(cohort)

    assert {session.cohort_id for session in locked.sessions.select_related("course")} == {cohort.pk}
    assert [session.pk for session in locked.ordered_sessions] == list(
        cohort.sessions.order_by("date").values_list("pk", flat=True)
    )
    assert other.pk not in {session.cohort_id for session in locked.sessions.filter(date__gte=in_days(0))}


# --- links ---------------------------------------------------------------------------------------


@override_settings(BASE_URL="https://training.example.org/")
def test_links_in_messages_use_the_public_address_without_a_query(cohort, participant):
    sql = queries(
        lambda: registration_create(cohort=cohort, person=participant, answers=professional(), actor=participant)
    )

    confirmation = Notification.objects.get(message=messages.REGISTRATION_CONFIRMED)
    assert "https://training.example.org/my/" in confirmation.body_text
    assert reading(sql, "wagtailcore_site") == 0


# --- the daily sweep -----------------------------------------------------------------------------


def register(cohort, count, make_user):
    return [RegistrationFactory(cohort=cohort, person=make_user()) for _ in range(count)]


def test_the_sweep_reads_only_cohorts_with_a_day_inside_the_deadlines(make_cohort, make_user):
    register(make_cohort(days=(60, 74)), 3, make_user)
    cohort_messages_send_due()  # reads the programme's settings, kept for later runs (core.site_settings)
    baseline = queries(cohort_messages_send_due)
    register(make_cohort(days=(60, 74)), 6, make_user)
    register(make_cohort(days=(90, 104)), 6, make_user)

    assert len(queries(cohort_messages_send_due)) == len(baseline)
    assert not Notification.objects.exists()


def test_the_sweeps_queries_grow_by_a_constant_per_message_sent(make_cohort, make_user):
    """Day 1 in 5 days: a pack and Day 1's agenda each. Per message: the once-only check, its record
    (savepoint, insert, release), and the transaction's task row; readings and sections are read once
    per course for the whole sweep."""
    few = make_cohort(days=(5, 12))
    register(few, 2, make_user)
    first = queries(cohort_messages_send_due)
    register(make_cohort(days=(5, 12)), 8, make_user)
    second = queries(cohort_messages_send_due)  # the first cohort's are already sent

    assert Notification.objects.count() == 2 * 2 + 8 * 2
    assert len(second) - len(first) <= 6 * 2 * 8
    assert touching(second, "courses_coursereading") == touching(first, "courses_coursereading") == 1
    assert reading(second, "wagtailcore_site") == 0


def test_a_second_sweep_the_same_day_costs_the_same_whatever_the_numbers(make_cohort, make_user):
    register(make_cohort(days=(5, 12)), 2, make_user)
    cohort_messages_send_due()
    quiet_small = queries(cohort_messages_send_due)
    register(make_cohort(days=(3, 10)), 10, make_user)
    cohort_messages_send_due()
    quiet_large = queries(cohort_messages_send_due)

    assert len(quiet_large) == len(quiet_small)
    assert touching(quiet_large, "core_notification") == 1


def test_a_day1_guest_gets_the_agenda_of_the_day1_they_attend_elsewhere(make_cohort, participant):
    """Their own cohort's days are beyond the deadlines; the Day 1 they join is inside them."""
    own, other = make_cohort(days=(40, 54)), make_cohort(days=(5, 12))
    RegistrationFactory(cohort=own, person=participant, day1_cohort=other)

    with freeze_time(in_days(0)):
        cohort_messages_send_due()

    sent = Notification.objects.filter(recipient=participant)
    assert set(sent.values_list("message", flat=True)) == {messages.PRE_COURSE_PACK, messages.AGENDA}
