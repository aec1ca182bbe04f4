"""A cohort's states and the rules on each change: open, confirm (the mix rule), deliver, cancel."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from freezegun import freeze_time
from wagtail.models import ModelLogEntry

from events.models import Cohort, PlaceOffer, Registration
from events.models.rules import current_rules
from events.services.cohorts import cohort_cancel, cohort_confirm, cohort_mark_delivered, cohort_open
from events.services.registrations import registration_cancel, registration_create
from events.tests.factories import RegistrationFactory, SessionFactory, in_days, parent_carer, professional


def audit(cohort) -> list[tuple[str, dict]]:
    return list(
        ModelLogEntry.objects.filter(object_id=str(cohort.pk), action__startswith="events.").values_list(
            "action", "data"
        )
    )


def a_mixed_group(cohort, make_user):
    """Six people meeting the default mix rule: every sector, a parent carer, no dominant organisation."""
    answers = [
        professional(sectors=["health"], organisation="NHS Leeds"),
        professional(sectors=["social_care"], organisation="Leeds Council"),
        professional(sectors=["education"], organisation="Leeds Primary"),
        professional(sectors=["voluntary"], organisation="Carers Leeds"),
        professional(sectors=["education"], organisation="Leeds High"),
        parent_carer(),
    ]
    for fields in answers:
        RegistrationFactory(cohort=cohort, person=make_user(), **fields)


def test_a_draft_opens_for_registration(make_cohort, facilitator):
    cohort = make_cohort(status=Cohort.Status.DRAFT)

    cohort_open(cohort=cohort, actor=facilitator)

    cohort.refresh_from_db()
    assert cohort.status == Cohort.Status.RECRUITING
    assert [action for action, _ in audit(cohort)] == ["events.cohort.open"]


@pytest.mark.parametrize(
    ("problem", "code"),
    [
        ("recruiting", "wrong_status"),
        ("no_day2", "sessions_do_not_match_path"),
        ("past", "session_in_past"),
        ("no_venue", "no_venue"),
    ],
)
def test_opening_needs_a_venue_and_a_future_day_for_each_part_of_the_path(make_cohort, courses, problem, code):
    cohort = make_cohort(status=Cohort.Status.RECRUITING if problem == "recruiting" else Cohort.Status.DRAFT)
    if problem == "no_day2":
        cohort.sessions.filter(course=courses["kwip"]).delete()
    if problem == "past":
        cohort.sessions.update(date=in_days(-1))
    if problem == "no_venue":
        Cohort.objects.filter(pk=cohort.pk).update(venue=None)

    with pytest.raises(ValidationError) as refused:
        cohort_open(cohort=cohort, actor=None)

    assert refused.value.code == code
    cohort.refresh_from_db()
    assert cohort.status != Cohort.Status.RECRUITING or problem == "recruiting"
    assert not audit(cohort)


def test_a_cohort_meeting_the_mix_rule_is_confirmed_on_the_course_revision_live_now(cohort, make_user, courses):
    a_mixed_group(cohort, make_user)

    cohort_confirm(cohort=cohort, actor=None)

    cohort.refresh_from_db()
    assert cohort.status == Cohort.Status.CONFIRMED
    assert {session.course_revision_id for session in cohort.sessions.all()} == {
        courses["day1"].live_revision_id,
        courses["kwip"].live_revision_id,
    }
    assert audit(cohort) == [("events.cohort.confirm", {"mix_met": True, "warnings": [], "override_reason": ""})]


def test_failing_the_mix_rule_needs_a_recorded_reason(cohort, fill):
    fill(cohort, 6)

    with pytest.raises(ValidationError) as refused:
        cohort_confirm(cohort=cohort, actor=None)
    assert refused.value.code == "mix_rule_not_met"
    assert "No one from social care yet" in refused.value.messages[0]
    cohort.refresh_from_db()
    assert cohort.status == Cohort.Status.RECRUITING and not audit(cohort)

    cohort_confirm(cohort=cohort, actor=None, override_reason="Social care joins from the next cohort.")

    cohort.refresh_from_db()
    assert cohort.status == Cohort.Status.CONFIRMED
    assert cohort.mix_override_reason == "Social care joins from the next cohort."
    ((action, data),) = audit(cohort)
    assert data["mix_met"] is False and "No parent carer yet" in data["warnings"]


def test_delivered_only_after_the_last_day(cohort):
    """Nobody registered, so no register is due (feedback's tests cover the registers)."""
    cohort_confirm(cohort=cohort, actor=None, override_reason="A pilot day for local managers.")

    with pytest.raises(ValidationError) as refused:
        cohort_mark_delivered(cohort=cohort, actor=None)
    assert refused.value.code == "not_finished"

    with freeze_time(in_days(45)):
        cohort_mark_delivered(cohort=cohort, actor=None)
    cohort.refresh_from_db()
    assert cohort.status == Cohort.Status.DELIVERED


def test_cancelling_needs_a_reason_and_tells_everyone(make_cohort, fill, make_user, run_tasks):
    cohort = make_cohort(capacity=6)
    people = fill(cohort, 6)
    waiting = [
        registration_create(cohort=cohort, person=make_user(), answers=professional(), actor=None) for _ in range(2)
    ]
    registration_cancel(registration=people[0], actor=None, reason="")
    run_tasks()
    mail.outbox.clear()

    with pytest.raises(ValidationError) as refused:
        cohort_cancel(cohort=cohort, actor=None, reason=" ")
    assert refused.value.code == "reason_required"

    cohort_cancel(cohort=cohort, actor=None, reason="Too few could come on these dates.")
    run_tasks()

    cohort.refresh_from_db()
    assert cohort.status == Cohort.Status.CANCELLED and cohort.cancelled_reason
    assert not Registration.objects.filter(cohort=cohort).exclude(status=Registration.Status.CANCELLED).exists()
    assert PlaceOffer.objects.get(registration=waiting[0]).outcome == PlaceOffer.Outcome.WITHDRAWN
    assert len(mail.outbox) == 7
    assert all("has been cancelled" in email.subject for email in mail.outbox)
    assert "Too few could come" in mail.outbox[0].body


def test_at_risk_when_short_of_the_minimum_inside_the_cut_off(make_cohort, fill, set_rules):
    cohort = make_cohort(days=(30, 44))
    fill(cohort, 5)
    counted = Cohort.objects.with_counts().get(pk=cohort.pk)
    rules = current_rules()

    assert not counted.is_at_risk(rules=rules, today=in_days(0))
    assert counted.is_at_risk(rules=rules, today=in_days(9))
    set_rules(at_risk_days=7)
    assert not counted.is_at_risk(rules=current_rules(), today=in_days(9))


def test_more_places_than_the_rules_allow_are_refused(make_cohort):
    cohort = make_cohort()
    cohort.capacity = 21
    with pytest.raises(ValidationError) as refused:
        cohort.full_clean()
    assert "capacity" in refused.value.error_dict


def test_a_session_ends_after_it_starts(cohort, courses):
    session = SessionFactory.build(
        cohort=cohort, course=courses["day1"], starts_at=datetime.time(14), ends_at=datetime.time(10)
    )
    with pytest.raises(ValidationError):
        session.full_clean()
