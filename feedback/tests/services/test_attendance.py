"""The register: one save per day; Day 1 attendance records Day 1 once (issue #6 point 2, 000:L2320–2324)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry, Site

from core.models import Notification
from core.roles import Role
from events.models import Day1Completion
from events.services.day1 import day1_completion_record
from events.tests.factories import RegistrationFactory
from feedback import messages
from feedback.models import Attendance, Certificate, FeedbackSettings
from feedback.selectors.certificates import certificate_for_code
from feedback.selectors.register import register_rows
from feedback.services.attendance import attendance_record
from feedback.tests.factories import day


def test_the_register_records_each_person_and_day1_once_through_events(day1, registration, enrol, trainer):
    absent = enrol()

    attendance_record(
        session=day1, marks={registration.pk: ("late", "Arrived 10:15"), absent.pk: ("absent", "")}, actor=trainer
    )

    assert Attendance.objects.get(registration=registration).get_status_display() == "Arrived late"
    completion = Day1Completion.objects.get(person=registration.person)
    assert completion.kind == Day1Completion.Kind.ATTENDED and completion.cohort == day1.cohort
    assert not Day1Completion.objects.filter(person=absent.person).exists()
    entry = ModelLogEntry.objects.get(action="feedback.attendance.record")
    assert entry.user == trainer and entry.data["late"] == 1 and entry.data["absent"] == 1
    assert ModelLogEntry.objects.filter(action="events.day1.record").count() == 1


def test_saving_again_corrects_a_mark_without_a_second_row(day1, registration, trainer):
    attendance_record(session=day1, marks={registration.pk: ("absent", "")}, actor=trainer)
    attendance_record(session=day1, marks={registration.pk: ("present", "")}, actor=trainer)

    assert Attendance.objects.get().status == "present"
    assert Day1Completion.objects.filter(person=registration.person).count() == 1


def test_a_day1_mark_corrected_to_absent_takes_back_the_day1_it_recorded(day1, registration, trainer):
    attendance_record(session=day1, marks={registration.pk: ("present", "")}, actor=trainer)
    attendance_record(session=day1, marks={registration.pk: ("absent", "Marked by mistake")}, actor=trainer)

    assert not Day1Completion.objects.filter(person=registration.person).exists()
    entry = ModelLogEntry.objects.get(action="events.day1.withdraw")
    assert entry.user == trainer and entry.data == {"person": registration.person_id, "cohort": day1.cohort_id}
    attendance_record(session=day1, marks={registration.pk: ("present", "")}, actor=trainer)
    assert Day1Completion.objects.get(person=registration.person).cohort == day1.cohort


def test_an_absent_mark_leaves_a_day1_recorded_another_way(day1, registration, trainer):
    day1_completion_record(
        person=registration.person,
        kind=Day1Completion.Kind.EQUIVALENT,
        completed_on=day1.date - datetime.timedelta(days=400),
        note="Early Support key working course, Leeds, 2024",
        actor=trainer,
    )

    attendance_record(session=day1, marks={registration.pk: ("absent", "")}, actor=trainer)

    assert Day1Completion.objects.get(person=registration.person).kind == Day1Completion.Kind.EQUIVALENT
    assert not ModelLogEntry.objects.filter(action="events.day1.withdraw").exists()


def test_left_early_counts_as_attending_unless_the_setting_says_not(day1, registration, trainer):
    settings = FeedbackSettings.for_site(Site.objects.get(is_default_site=True))
    settings.left_early_counts_as_attended = False
    settings.save()

    attendance_record(session=day1, marks={registration.pk: ("left_early", "")}, actor=trainer)

    assert not Day1Completion.objects.filter(person=registration.person).exists()


def test_attending_both_days_issues_the_certificate(day1, day2, registration, trainer):
    attendance_record(session=day1, marks={registration.pk: ("present", "")}, actor=trainer)
    assert not Certificate.objects.exists()

    attendance_record(session=day2, marks={registration.pk: ("present", "")}, actor=trainer)

    assert Certificate.objects.get().registration == registration


@pytest.mark.parametrize("corrected", ["day1", "day2"])
def test_a_mark_corrected_after_the_last_day_takes_back_the_certificate(
    day1, day2, registration, enrol, trainer, corrected
):
    """Any day's mark, not only the last one's: the certificate no longer earned stops checking, the
    audit log keeps its code, and the person is told; someone else's certificate stays."""
    other = enrol()
    both = {registration.pk: ("present", ""), other.pk: ("present", "")}
    attendance_record(session=day1, marks=both, actor=trainer)
    attendance_record(session=day2, marks=both, actor=trainer)
    code = Certificate.objects.get(registration=registration).code

    session = {"day1": day1, "day2": day2}[corrected]
    attendance_record(session=session, marks={registration.pk: ("absent", "Marked by mistake")}, actor=trainer)

    assert not Certificate.objects.filter(registration=registration).exists()
    assert certificate_for_code(code) is None
    assert Certificate.objects.filter(registration=other).exists()
    entry = ModelLogEntry.objects.get(action="feedback.certificate.withdraw")
    assert entry.user == trainer and entry.data == {"registration": registration.pk, "code": code}
    told = Notification.objects.get(recipient=registration.person, message=messages.CERTIFICATE_WITHDRAWN)
    assert code in told.body_text and "taken back" in told.subject


def test_a_mark_corrected_back_to_present_issues_a_new_certificate(day1, day2, registration, trainer):
    attendance_record(session=day1, marks={registration.pk: ("present", "")}, actor=trainer)
    attendance_record(session=day2, marks={registration.pk: ("present", "")}, actor=trainer)
    first = Certificate.objects.get().code
    attendance_record(session=day2, marks={registration.pk: ("absent", "")}, actor=trainer)

    attendance_record(session=day2, marks={registration.pk: ("present", "")}, actor=trainer)

    assert Certificate.objects.get(registration=registration).code != first


def test_an_absent_mark_on_someone_still_attending_every_day_changes_no_certificate(
    day1, day2, registration, enrol, trainer
):
    """Left early counts as attending by default: correcting present to left early keeps the certificate."""
    attendance_record(session=day1, marks={registration.pk: ("present", "")}, actor=trainer)
    attendance_record(session=day2, marks={registration.pk: ("present", "")}, actor=trainer)

    attendance_record(session=day2, marks={registration.pk: ("left_early", "Left at 3")}, actor=trainer)

    assert Certificate.objects.filter(registration=registration).exists()
    assert not ModelLogEntry.objects.filter(action="feedback.certificate.withdraw").exists()


def test_day1_guests_from_another_cohort_are_on_the_host_register(make_cohort, day1, registration, enrol, trainer):
    other = make_cohort(days=(-30, -3))
    guest = RegistrationFactory(cohort=other, person=enrol().person, day1_cohort=day1.cohort)
    skipping = enrol(skips_day1=True)

    on_register = [row.registration for row in register_rows(day1)]

    assert guest in on_register and registration in on_register and skipping not in on_register
    assert skipping in [row.registration for row in register_rows(day(day1.cohort, "day2"))]
    attendance_record(session=day1, marks={guest.pk: ("present", "")}, actor=trainer)
    assert Day1Completion.objects.get(person=guest.person).cohort == day1.cohort


@pytest.mark.parametrize(
    ("who", "code"),
    [("shadow", "not_on_team"), ("participant", "not_on_team"), ("other_facilitator", "not_on_team")],
)
def test_only_the_delivering_team_and_staff_take_the_register(
    request, day1, registration, make_user, other_region, who, code
):
    actor = {
        "shadow": lambda: request.getfixturevalue("shadow"),
        "participant": lambda: registration.person,
        "other_facilitator": lambda: make_user(Role.REGIONAL_FACILITATOR, regions=[other_region]),
    }[who]()

    with pytest.raises(ValidationError) as error:
        attendance_record(session=day1, marks={registration.pk: ("present", "")}, actor=actor)

    assert error.value.code == code
    assert not Attendance.objects.exists() and not Day1Completion.objects.exists()


@pytest.mark.parametrize("allowed", ["co_trainer", "facilitator", "programme_admin"])
def test_co_trainers_and_staff_may_take_it(request, day1, registration, allowed):
    attendance_record(session=day1, marks={registration.pk: ("present", "")}, actor=request.getfixturevalue(allowed))

    assert Attendance.objects.count() == 1


def test_not_before_the_day_and_only_people_on_the_register(make_cohort, registration, enrol, trainer, cohort):
    future = make_cohort(days=(5, 12))
    future.delivery_assignments.create(trainer=trainer, role="lead")
    stranger = enrol(on=future)

    with pytest.raises(ValidationError) as early:
        attendance_record(session=day(future, "day1"), marks={stranger.pk: ("present", "")}, actor=trainer)
    with pytest.raises(ValidationError) as wrong_person:
        attendance_record(session=day(cohort, "day1"), marks={stranger.pk: ("present", "")}, actor=trainer)
    with pytest.raises(ValidationError) as wrong_status:
        attendance_record(session=day(cohort, "day1"), marks={registration.pk: ("asleep", "")}, actor=trainer)

    assert (early.value.code, wrong_person.value.code, wrong_status.value.code) == (
        "session_in_future",
        "not_on_register",
        "unknown_status",
    )
    assert not Attendance.objects.exists()
    assert not ModelLogEntry.objects.filter(action="feedback.attendance.record").exists()
