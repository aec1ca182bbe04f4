"""The retention period: participants whose every cohort ended long ago are anonymised (issue #7 point 4).

Today is frozen at 15 June 2026 and the period is six years, so the last kept end date is 15 June 2020.
"""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time
from wagtail.models import ModelLogEntry

from core.models import HomePage, User
from core.privacy.retention import RETENTION_REASON, retention_cutoff
from core.roles import Role
from courses.tests.factories import CoursePageFactory, ProgrammePageFactory
from events.models import Cohort, Day1Completion, Registration
from events.tests.factories import CohortFactory, RegistrationFactory, SessionFactory
from feedback.models import Attendance
from trainers.models import DeliveryAssignment
from trainers.tests.factories import AssignmentFactory, TrainerProfileFactory

CUTOFF = datetime.date(2020, 6, 15)
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def today(settings):
    settings.PARTICIPANT_RETENTION_YEARS = 6
    with freeze_time("2026-06-15 09:00"):
        yield


@pytest.fixture
def course(db):
    return CoursePageFactory(parent=ProgrammePageFactory(parent=HomePage.objects.get()))


@pytest.fixture
def cohort_ending(course):
    """cohort_ending(date) -> a delivered cohort whose two days end on `date`."""

    def make(last_day: datetime.date, status=Cohort.Status.DELIVERED) -> Cohort:
        cohort = CohortFactory(status=status)
        for date in (last_day - 7 * DAY, last_day):
            SessionFactory(cohort=cohort, course=course, date=date)
        return cohort

    return make


@pytest.fixture
def on(make_user):
    """on(*cohorts, status=..., role=...) -> a person registered on each cohort."""

    def make(*cohorts, status=Registration.Status.CONFIRMED, role=Role.PARTICIPANT) -> User:
        person = make_user(role)
        for cohort in cohorts:
            RegistrationFactory(cohort=cohort, person=person, status=status)
        return person

    return make


def run(*args) -> str:
    out = StringIO()
    call_command("anonymise_expired_participants", *args, stdout=out)
    return out.getvalue()


def anonymised(person: User) -> bool:
    person.refresh_from_db()
    return person.email.endswith("@erased.invalid") and not person.is_active


@pytest.mark.parametrize(
    ("last_day", "is_anonymised"),
    [(CUTOFF - DAY, True), (CUTOFF, False), (CUTOFF + DAY, False)],
    ids=["a day more than six years ago", "exactly six years ago", "a day less than six years ago"],
)
def test_a_participant_is_anonymised_only_once_their_cohort_ended_more_than_the_period_ago(
    cohort_ending, on, last_day, is_anonymised
):
    person = on(cohort_ending(last_day))

    run()

    assert anonymised(person) is is_anonymised


def test_the_cutoff_is_the_same_day_years_before_and_the_28th_for_a_29th_of_february():
    assert retention_cutoff(today=datetime.date(2026, 6, 15), years=6) == CUTOFF
    assert retention_cutoff(today=datetime.date(2024, 2, 29), years=1) == datetime.date(2023, 2, 28)


def test_any_cohort_within_the_period_or_to_come_keeps_a_participant(cohort_ending, course, on, make_user):
    old, recent, upcoming = (
        cohort_ending(CUTOFF - 400 * DAY),
        cohort_ending(CUTOFF + 30 * DAY),
        cohort_ending(datetime.date(2026, 9, 1), status=Cohort.Status.RECRUITING),
    )
    only_old = on(old)
    old_and_cancelled_recently = on(old)
    RegistrationFactory(cohort=recent, person=old_and_cancelled_recently, status=Registration.Status.CANCELLED)
    old_and_waiting = on(old)
    RegistrationFactory(cohort=upcoming, person=old_and_waiting, status=Registration.Status.WAITING)
    old_cancelled_only = on(old, status=Registration.Status.CANCELLED)
    day1_guest_recently = on(old)
    Registration.objects.filter(person=day1_guest_recently).update(day1_cohort=recent)
    day1_done_recently = on(old)
    Day1Completion.objects.create(person=day1_done_recently, kind="equivalent", completed_on=CUTOFF + DAY)
    day1_done_long_ago = make_user(Role.PARTICIPANT)
    Day1Completion.objects.create(person=day1_done_long_ago, kind="attended", completed_on=CUTOFF - DAY, cohort=old)
    never_on_a_cohort = make_user(Role.PARTICIPANT)
    on_an_unscheduled_cohort = on(CohortFactory(status=Cohort.Status.DRAFT))

    run()

    assert anonymised(only_old) and anonymised(old_cancelled_only) and anonymised(day1_done_long_ago)
    for kept in [
        old_and_cancelled_recently,
        old_and_waiting,
        day1_guest_recently,
        day1_done_recently,
        never_on_a_cohort,
        on_an_unscheduled_cohort,
    ]:
        assert not anonymised(kept), kept.email


def test_staff_and_trainers_are_never_anonymised_by_retention(cohort_ending, on, make_user):
    old = cohort_ending(CUTOFF - 100 * DAY)
    people = [on(old, role=role) for role in (Role.PROGRAMME_ADMIN, Role.REGIONAL_FACILITATOR, Role.TRAINER)]
    with_profile_only = on(old)
    TrainerProfileFactory(person=with_profile_only)
    delivered_only = on(old)
    AssignmentFactory(cohort=old, trainer=delivered_only, reflection="It went well")
    django_staff = on(old)
    User.objects.filter(pk=django_staff.pk).update(is_staff=True)

    output = run()

    assert "kept as programme staff or trainers: 6" in output
    assert not any(anonymised(person) for person in [*people, with_profile_only, delivered_only, django_staff])
    assert DeliveryAssignment.objects.get(trainer=delivered_only).reflection == "It went well"


def test_anonymising_keeps_the_cohort_counts_and_the_trainers_delivery_history(cohort_ending, on, make_user):
    old = cohort_ending(CUTOFF - 100 * DAY)
    trainer = make_user(Role.TRAINER)
    AssignmentFactory(cohort=old, trainer=trainer, reflection="A good group")
    people = [on(old) for _ in range(3)]
    on(old, status=Registration.Status.CANCELLED)
    for person, status in zip(people, ["present", "late", "absent"], strict=True):
        for session in old.sessions.all():
            Attendance.objects.create(
                registration=person.registrations.get(), session=session, status=status, note="Came by bus"
            )

    def counts():
        return (
            sorted(Registration.objects.filter(cohort=old).values_list("status", flat=True)),
            sorted(Attendance.objects.filter(session__cohort=old).values_list("session_id", "status")),
            list(DeliveryAssignment.objects.filter(trainer=trainer).values_list("cohort_id", "role", "reflection")),
        )

    before = counts()
    run()

    assert all(anonymised(person) for person in people)
    assert counts() == before
    assert not Attendance.objects.exclude(note="").exists()
    assert not Registration.objects.exclude(organisation="").exists()


def test_each_anonymisation_is_audited_with_the_reason_retention(cohort_ending, on):
    person = on(cohort_ending(CUTOFF - DAY))

    run()

    entry = ModelLogEntry.objects.get(action="core.person.erase", object_id=str(person.pk))
    assert entry.user is None and entry.data == {"reason": RETENTION_REASON}


def test_a_dry_run_prints_the_counts_and_changes_nothing(cohort_ending, on):
    old = cohort_ending(CUTOFF - DAY)
    people = [on(old) for _ in range(2)]
    on(cohort_ending(CUTOFF))
    emails = list(User.objects.order_by("pk").values_list("email", "is_active"))
    logged = ModelLogEntry.objects.count()

    output = run("--dry-run")

    assert "to anonymise: 2" in output and "nothing was changed" in output
    assert list(User.objects.order_by("pk").values_list("email", "is_active")) == emails
    assert ModelLogEntry.objects.count() == logged
    assert not any(anonymised(person) for person in people)


def test_running_again_skips_those_already_anonymised(cohort_ending, on):
    person = on(cohort_ending(CUTOFF - DAY))
    assert "Anonymised 1 participants." in run()
    person.refresh_from_db()
    email = person.email

    output = run()

    assert "already anonymised: 1" in output and "to anonymise: 0" in output and "Anonymised 0" in output
    person.refresh_from_db()
    assert person.email == email
    assert ModelLogEntry.objects.filter(action="core.person.erase").count() == 1


def test_finding_the_candidates_takes_the_same_queries_however_many_people(cohort_ending, on):
    old, recent = cohort_ending(CUTOFF - DAY), cohort_ending(CUTOFF + DAY)

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            run("--dry-run")
        return len(context)

    on(old), on(recent)
    few = queries()
    for _ in range(10):
        on(old), on(recent), on(old, recent)
    assert queries() == few


def test_a_retention_period_under_a_year_is_refused(settings, cohort_ending, on):
    settings.PARTICIPANT_RETENTION_YEARS = 0
    person = on(cohort_ending(CUTOFF - DAY))

    with pytest.raises(CommandError, match="PARTICIPANT_RETENTION_YEARS is 0"):
        run()

    assert not anonymised(person)
