"""Server-side timings that are not page views: the XLSX import against a bare bulk_create, and the
daily reminder sweep over all cohorts (issue #8 point 2). Run in the driver process, gunicorn idle.

The import goes through exactly what a facilitator's upload does: `read_dataset` on the .xlsx bytes,
the dry-run preview, then `registrations_import` (one `registration_create` per row, with its audit
entry and emails queued). A cohort holds at most 20 people (000:L2690), so 10,000 rows are 500
files of 20 rows for 500 new cohorts; the bulk_create writes the same people and answers.
"""

import datetime
import time

import tablib
from django.apps import apps
from django.utils import timezone

from bench import accounts
from bench.generator.base import NO_PASSWORD
from core.models import LocalAuthority, Notification, User
from core.roles import Role
from courses.models import CoursePage
from events.models import Cohort, Registration, Session, Venue
from events.spreadsheets import export_bytes, read_dataset

COLUMNS = [
    "email",
    "first_name",
    "last_name",
    "applying_as",
    "sectors",
    "organisation",
    "organisation_type",
    "job_title",
    "work_setting",
    "experience",
    "years_experience",
    "relation_to_child",
    "how_heard",
    "access_needs",
    "accredited_route",
]
PER_FILE = 20


class count_queries:  # noqa: N801 - used as a context manager
    """Counts SQL queries run in this process inside the block (no SQL text kept)."""

    def __enter__(self):
        from django.db import connection

        self.count = 0
        self._wrapper = connection.execute_wrapper(self._counter)
        self._wrapper.__enter__()
        return self

    def _counter(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __exit__(self, *exc):
        return self._wrapper.__exit__(*exc)


def _import_cohorts(count: int, label: str) -> list[Cohort]:
    """Recruiting Day 1 + Day 2 cohorts a month ahead, in one region, for the import to fill."""
    authority = LocalAuthority.objects.select_related("region").order_by("pk").first()
    venue = Venue.objects.filter(region=authority.region).first()
    day1 = CoursePage.objects.get(kind="day1")
    day2 = CoursePage.objects.filter(kind="day2").order_by("pk").first()
    start = timezone.localdate() + datetime.timedelta(days=30)
    cohorts = Cohort.objects.bulk_create(
        Cohort(
            title=f"Import benchmark {label} {n}",
            region=authority.region,
            local_authority=authority,
            venue=venue,
            capacity=PER_FILE,
            status=Cohort.Status.RECRUITING,
        )
        for n in range(count)
    )
    Session.objects.bulk_create(
        session
        for cohort in cohorts
        for session in (
            Session(cohort=cohort, course=day1, date=start),
            Session(cohort=cohort, course=day2, date=start + datetime.timedelta(days=21)),
        )
    )
    return cohorts


def _row(n: int, label: str) -> list[str]:
    professional = n % 5 != 0
    return [
        f"import-{label}-{n}@people.invalid",
        "Import",
        f"Person{n}",
        "professional" if professional else "parent_carer",
        "education; health" if professional else "",
        "Northgate Primary School" if professional else "",
        "school" if professional else "none",
        "Teacher" if professional else "",
        "mainstream" if professional else "n/a",
        "some",
        "1-5",
        "n/a" if professional else "parent",
        "work",
        "",
        "no",
    ]


def import_against_bulk_create(rows: int) -> dict:
    files = max(1, rows // PER_FILE)
    run = f"{time.time():.0f}"  # new people every run, so a database can be reused
    admin = User.objects.get(email=accounts.accounts(Role.PROGRAMME_ADMIN, 1)[0].email)
    cohorts = _import_cohorts(files, f"xlsx-{run}")
    uploads = []
    for index, cohort in enumerate(cohorts):
        dataset = tablib.Dataset(headers=list(COLUMNS))
        for n in range(index * PER_FILE, (index + 1) * PER_FILE):
            dataset.append(_row(n, f"xlsx-{run}"))
        uploads.append((cohort, export_bytes(dataset, "xlsx")))

    from events.services.imports import registrations_import, registrations_import_preview

    parse = preview = write = 0.0
    for done, (cohort, content) in enumerate(uploads, 1):
        started = time.perf_counter()
        dataset = read_dataset(content, "xlsx")
        parsed = time.perf_counter()
        result = registrations_import_preview(cohort=cohort, dataset=dataset, actor=admin)
        previewed = time.perf_counter()
        if result.has_errors() or result.has_validation_errors():
            raise RuntimeError(f"the import benchmark's rows did not validate for {cohort}")
        registrations_import(cohort=cohort, dataset=dataset, actor=admin)
        parse += parsed - started
        preview += previewed - parsed
        write += time.perf_counter() - previewed
        if done % 50 == 0:
            print(f"  {done * PER_FILE} rows imported, {parse + preview + write:.0f} s", flush=True)
    imported = Registration.objects.filter(cohort__in=cohorts).count()

    bulk_cohorts = _import_cohorts(files, f"bulk-{run}")
    started = time.perf_counter()
    people = User.objects.bulk_create(
        User(email=row[0], first_name=row[1], last_name=row[2], password=NO_PASSWORD)
        for row in (_row(n, f"bulk-{run}") for n in range(files * PER_FILE))
    )
    Registration.objects.bulk_create(
        Registration(
            cohort=bulk_cohorts[n // PER_FILE],
            person=person,
            status=Registration.Status.CONFIRMED,
            applying_as=row[3],
            sectors=[part.strip() for part in row[4].split(";") if part.strip()],
            organisation=row[5],
            organisation_type=row[6],
            job_title=row[7],
            work_setting=row[8],
            experience=row[9],
            years_experience=row[10],
            relation_to_child=row[11],
            how_heard=row[12],
        )
        for n, (person, row) in enumerate(
            zip(people, (_row(n, f"bulk-{run}") for n in range(len(people))), strict=True)
        )
    )
    bulk_seconds = time.perf_counter() - started
    total = parse + preview + write
    return {
        "rows": imported,
        "files": files,
        "parse_seconds": round(parse, 2),
        "preview_seconds": round(preview, 2),
        "import_seconds": round(write, 2),
        "total_seconds": round(total, 2),
        "bulk_create_seconds": round(bulk_seconds, 2),
        "ratio_to_bulk_create": round(total / bulk_seconds, 1) if bulk_seconds else None,
        "ms_per_row": round(total / max(imported, 1) * 1000, 2),
    }


def _sweeps() -> dict:
    """Every daily sweep over all cohorts that this codebase has (each app's `send_…` command)."""
    from events.services.messaging import cohort_messages_send_due

    sweeps = {"events: pre-course packs and agendas": cohort_messages_send_due}
    if apps.is_installed("feedback"):
        try:
            from feedback.services.invitations import after_course_invitations_send_due
            from feedback.services.readings import reading_reminders_send_due
        except ImportError:
            pass
        else:
            sweeps["feedback: reading reminders"] = reading_reminders_send_due
            sweeps["feedback: evaluation and reflection invitations"] = after_course_invitations_send_due
    return sweeps


def reminder_sweeps() -> dict:
    """The daily sweeps over every cohort, each run for yesterday (untimed), then twice today: the
    first run of the day sends what fell due today; the second finds nothing new, its cost on a quiet
    day."""
    sweeps = _sweeps()
    open_registrations = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        cohort__status__in=Cohort.OPEN_STATUSES,
        cohort__sessions__date__gte=timezone.localdate(),
    ).distinct()
    results = {"open_confirmed_registrations": open_registrations.count(), "sweeps": []}
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    for name, sweep in sweeps.items():
        # Yesterday's run, not timed: the messages of earlier days that the generator does not write.
        with count_queries():
            sweep(today=yesterday)
        for run in ("first run today", "second run, nothing new"):
            before = Notification.objects.count()
            with count_queries() as queries:
                started = time.perf_counter()
                sweep()
                seconds = time.perf_counter() - started
            results["sweeps"].append(
                {
                    "sweep": name,
                    "run": run,
                    "seconds": round(seconds, 2),
                    "messages_queued": Notification.objects.count() - before,
                    "queries": queries.count,
                }
            )
    return results
