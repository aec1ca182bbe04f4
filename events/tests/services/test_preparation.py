"""Preparation records for parent carers and young people (DOMAIN.md §5)."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from events.models import Preparation
from events.services.preparation import preparation_update
from events.tests.factories import RegistrationFactory, parent_carer


def test_a_record_is_created_and_the_audit_names_fields_not_contents(cohort, make_user, trainer):
    registration = RegistrationFactory(cohort=cohort, person=make_user(), **parent_carer())

    preparation_update(
        registration=registration,
        data={"support_contact": "Sue at the parent carer forum", "conversation_done": True, "venue_checked": True},
        actor=trainer,
    )

    assert Preparation.objects.get().missing_steps() == []
    entry = ModelLogEntry.objects.get(action="events.preparation.update")
    assert entry.data == {"fields": ["support_contact", "conversation_done", "venue_checked"]}
    assert "Sue" not in str(entry.data)


def test_a_young_persons_part_is_planned_in_advance(cohort, make_user):
    registration = RegistrationFactory(
        cohort=cohort, person=make_user(), **parent_carer(applying_as="young_person", relation_to_child="self")
    )
    preparation = preparation_update(
        registration=registration,
        data={"support_contact": "Mum", "conversation_done": True, "venue_checked": True},
        actor=None,
    )
    assert preparation.missing_steps() == ["a plan for which day and activity they take part in"]

    day2 = cohort.sessions.last()
    preparation = preparation_update(
        registration=registration, data={"planned_session": day2, "planned_activity": "Activity 5.1"}, actor=None
    )

    assert preparation.missing_steps() == []


@pytest.mark.parametrize("problem", ["professional", "cancelled", "other_session"])
def test_preparation_is_refused_when_it_does_not_apply(cohort, make_cohort, make_user, problem):
    answers = {} if problem == "professional" else parent_carer()
    registration = RegistrationFactory(cohort=cohort, person=make_user(), **answers)
    if problem == "cancelled":
        registration.status = "cancelled"
    data = {"planned_session": make_cohort().sessions.first()} if problem == "other_session" else {}

    with pytest.raises(ValidationError) as refused:
        preparation_update(registration=registration, data=data, actor=None)

    assert (
        refused.value.code
        == {
            "professional": "not_family_side",
            "cancelled": "registration_cancelled",
            "other_session": "session_not_on_cohort",
        }[problem]
    )
    assert not Preparation.objects.exists()
