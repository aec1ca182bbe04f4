"""Sections against planned time, issues, critical incidents and the trainer's reflection (issue #6 point 3)."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from core.models import Notification
from core.roles import Role
from feedback import messages
from feedback.models import CriticalIncident, DeliveryIssue, SectionDelivery, TrainerReflection
from feedback.services.delivery import (
    incident_record,
    issue_record,
    issue_resolve,
    section_deliveries_record,
    trainer_reflection_save,
)
from feedback.tests.factories import sections_of


def test_sections_are_recorded_against_their_planned_minutes(programme, day1, trainer):
    first, second = sections_of(programme["day1"])

    section_deliveries_record(
        session=day1,
        rows=[
            {"section": first, "outcome": "shortened", "actual_minutes": 40, "note": "Late start"},
            {"section": second, "outcome": "skipped", "actual_minutes": None},
        ],
        actor=trainer,
    )

    shortened = SectionDelivery.objects.get(section=first)
    assert (shortened.planned_minutes, shortened.actual_minutes, shortened.difference) == (60, 40, -20)
    assert SectionDelivery.objects.get(section=second).actual_minutes == 0
    assert ModelLogEntry.objects.get(action="feedback.delivery.sections").user == trainer


@pytest.mark.parametrize(
    ("row", "code"),
    [
        ({"outcome": "covered", "actual_minutes": None}, "minutes_required"),
        ({"outcome": "skipped", "actual_minutes": 30}, "skipped_with_minutes"),
        ({"outcome": "covered", "actual_minutes": 30, "other_course": True}, "unknown_section"),
    ],
)
def test_section_refusals_write_nothing(programme, day1, trainer, row, code):
    first = sections_of(programme["day1"])[0]
    section = sections_of(programme["kwip"])[0] if row.pop("other_course", False) else first
    good = {"section": first, "outcome": "covered", "actual_minutes": 60}

    with pytest.raises(ValidationError) as error:
        section_deliveries_record(session=day1, rows=[good, {"section": section, **row}], actor=trainer)

    assert error.value.code == code
    assert not SectionDelivery.objects.exists()


def test_the_running_list_of_issues_concerns_and_queries(day1, trainer):
    issue = issue_record(session=day1, kind="concern", text="Too warm after lunch", actor=trainer)
    issue_resolve(issue=issue, actor=trainer)

    assert DeliveryIssue.objects.get().resolved
    with pytest.raises(ValidationError) as again:
        issue_resolve(issue=issue, actor=trainer)
    assert again.value.code == "already_resolved"


def test_critical_incidents_are_seen_by_the_lead_and_programme_admins_only(
    day1, trainer, co_trainer, facilitator, programme_admin, registration
):
    incident_record(session=day1, what_happened="A sharp exchange", response="We paused", actor=co_trainer)

    visible = {
        name: CriticalIncident.objects.visible_to(person).exists()
        for name, person in [
            ("lead", trainer),
            ("co_trainer", co_trainer),
            ("facilitator", facilitator),
            ("programme_admin", programme_admin),
            ("participant", registration.person),
        ]
    }
    assert visible == {
        "lead": True,
        "co_trainer": False,
        "facilitator": False,
        "programme_admin": True,
        "participant": False,
    }
    notice = Notification.objects.get(message=messages.CRITICAL_INCIDENT)
    assert notice.recipient == programme_admin and "sharp exchange" not in notice.body_text


def test_the_trainers_reflection_goes_to_the_regions_facilitator_once(
    day2, trainer, facilitator, other_region, make_user
):
    elsewhere = make_user(Role.REGIONAL_FACILITATOR, regions=[other_region])
    trainer_reflection_save(session=day2, trainer=trainer, answers={"impact": "More confident."}, submit=False)
    assert not Notification.objects.filter(message=messages.TRAINER_FEEDBACK).exists()

    answers = {"feedback_to_facilitator": "Recruit a parent carer speaker earlier."}
    trainer_reflection_save(session=day2, trainer=trainer, answers=answers, submit=True)
    trainer_reflection_save(session=day2, trainer=trainer, answers=answers, submit=True)

    reflection = TrainerReflection.objects.get()
    assert reflection.impact == "More confident." and reflection.submitted_at
    notices = Notification.objects.filter(message=messages.TRAINER_FEEDBACK)
    assert list(notices.values_list("recipient", flat=True)) == [facilitator.pk]
    assert elsewhere.pk not in notices.values_list("recipient", flat=True)
    assert ModelLogEntry.objects.filter(action="feedback.trainer_reflection.submit").count() == 2


@pytest.mark.parametrize(("who", "code"), [("shadow", "not_on_team"), ("facilitator", "not_on_team")])
def test_only_delivering_trainers_reflect(request, day2, who, code):
    with pytest.raises(ValidationError) as error:
        trainer_reflection_save(session=day2, trainer=request.getfixturevalue(who), answers={}, submit=False)

    assert error.value.code == code
    assert not TrainerReflection.objects.exists()


def test_sending_needs_the_feedback_to_the_facilitator(day2, trainer):
    with pytest.raises(ValidationError) as error:
        trainer_reflection_save(session=day2, trainer=trainer, answers={"impact": "Good"}, submit=True)

    assert error.value.code == "feedback_required"
    assert not TrainerReflection.objects.exists()
