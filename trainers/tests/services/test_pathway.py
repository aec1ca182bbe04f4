"""The pathway's moves made by programme admins: accredit, Lead Trainer, suspend, reinstate, withdraw, mentor."""

import pytest
from django.core.exceptions import ValidationError

from core.models import Notification
from core.roles import Role
from courses.models import PersonSpecificationCriterion
from trainers.models import PathwayStep, Stage, Standing, TrainerProfile
from trainers.services import pathway
from trainers.services.assessments import CriterionRating, assessment_record
from trainers.tests.factories import ApplicationFactory


def profile_of(person) -> TrainerProfile:
    return TrainerProfile.objects.get(person=person)


def refused(audit, person, service, code, **kwargs):
    """The service refuses with `code`; the profile, its history and its audit trail are as they were."""
    before = profile_of(person)
    with pytest.raises(ValidationError) as error:
        service(profile=before, **kwargs)
    assert error.value.code == code
    after = profile_of(person)
    assert (after.stage, after.standing, after.mentor_id) == (before.stage, before.standing, before.mentor_id)
    assert not PathwayStep.objects.filter(profile=after).exists()
    assert not audit(after)


def test_a_co_trained_trainee_is_accredited_and_told(make_trainer, programme_admin, audit):
    trainee = make_trainer(Stage.CO_TRAINED)

    profile = pathway.trainer_accredit(profile=profile_of(trainee), actor=programme_admin)

    assert profile.stage == Stage.ACCREDITED
    step = profile.steps.get()
    assert (step.action, step.stage, step.actor) == ("accredit", Stage.ACCREDITED, programme_admin)
    assert audit(profile) == ["trainers.pathway.accredit"]
    assert Notification.objects.filter(recipient=trainee, message="trainers.pathway_changed").exists()


@pytest.mark.parametrize("stage", [Stage.APPLICANT, Stage.IN_POOL, Stage.T4T_COMPLETED, Stage.SHADOWED])
def test_nobody_is_accredited_before_their_co_training_is_signed_off(make_trainer, programme_admin, audit, stage):
    refused(audit, make_trainer(stage), pathway.trainer_accredit, "wrong_stage", actor=programme_admin)


def test_a_suspended_trainee_is_not_accredited(make_trainer, programme_admin, audit):
    trainee = make_trainer(Stage.CO_TRAINED, standing=Standing.SUSPENDED)

    refused(audit, trainee, pathway.trainer_accredit, "not_active", actor=programme_admin)


def test_a_lead_trainer_needs_a_statement_and_both_lead_criteria_met(make_trainer, programme_admin, criteria, audit):
    trainer = make_trainer(Stage.ACCREDITED)
    refused(audit, trainer, pathway.trainer_promote_lead, "lead_criteria_not_met", actor=programme_admin)

    profile = profile_of(trainer)
    ApplicationFactory(profile=profile, for_lead=True, lead_statement="I have mentored trainers for years.")
    lead_criteria = PersonSpecificationCriterion.objects.filter(applies_to="lead")
    assessment_record(
        profile=profile,
        source="development_day",
        ratings=[CriterionRating(criterion, "met") for criterion in lead_criteria],
        assessor=programme_admin,
    )

    profile = pathway.trainer_promote_lead(profile=profile, actor=programme_admin)

    assert profile.stage == Stage.LEAD
    assert audit(profile) == ["trainers.assessment.record", "trainers.pathway.promote_lead"]


@pytest.mark.parametrize("service", [pathway.trainer_suspend, pathway.trainer_withdraw])
def test_suspending_or_withdrawing_needs_a_reason(make_trainer, programme_admin, audit, service):
    refused(audit, make_trainer(Stage.ACCREDITED), service, "reason_required", actor=programme_admin, reason=" ")


def test_suspension_is_lifted_with_a_reason(make_trainer, programme_admin, audit):
    trainer = make_trainer(Stage.ACCREDITED)

    pathway.trainer_suspend(profile=profile_of(trainer), actor=programme_admin, reason="Complaint being looked into")
    profile = pathway.trainer_reinstate(profile=profile_of(trainer), actor=programme_admin, reason="Resolved")

    assert (profile.stage, profile.standing, profile.standing_reason) == (Stage.ACCREDITED, Standing.ACTIVE, "Resolved")
    assert audit(profile) == ["trainers.pathway.suspend", "trainers.pathway.reinstate"]
    assert [s.note for s in profile.steps.all()] == ["Complaint being looked into", "Resolved"]


def test_an_applicant_cannot_be_suspended(make_trainer, programme_admin, audit):
    refused(
        audit, make_trainer(Stage.APPLICANT), pathway.trainer_suspend, "not_in_pool", actor=programme_admin, reason="x"
    )


def test_withdrawal_removes_the_trainer_role_and_keeps_the_history(make_trainer, programme_admin, audit):
    trainer = make_trainer(Stage.ACCREDITED)

    profile = pathway.trainer_withdraw(profile=profile_of(trainer), actor=programme_admin, reason="Moved abroad")

    assert profile.standing == Standing.WITHDRAWN and profile.stage == Stage.ACCREDITED
    trainer.refresh_from_db()
    assert not trainer.has_role(Role.TRAINER)
    assert audit(profile) == ["trainers.pathway.withdraw"]
    with pytest.raises(ValidationError) as error:
        pathway.trainer_reinstate(profile=profile, actor=programme_admin, reason="Back")
    assert error.value.code == "wrong_stage"


def test_a_mentor_is_an_active_lead_trainer(make_trainer, lead_trainer, programme_admin, audit):
    trainee = make_trainer(Stage.IN_POOL)
    refused(audit, trainee, pathway.mentor_assign, "mentor_not_lead", mentor=make_trainer(Stage.ACCREDITED), actor=None)

    profile = pathway.mentor_assign(profile=profile_of(trainee), mentor=lead_trainer, actor=programme_admin)

    assert profile_of(trainee).mentor == lead_trainer
    assert audit(profile) == ["trainers.mentor.assign"]


def test_a_lead_trainer_does_not_mentor_themselves(lead_trainer, audit):
    refused(audit, lead_trainer, pathway.mentor_assign, "own_mentor", mentor=lead_trainer, actor=None)


def test_an_existing_trainer_is_recorded_where_they_stand(make_user, region, lead_trainer, audit):
    person = make_user()

    profile = pathway.trainer_record_existing(
        person=person, region=region, stage=Stage.ACCREDITED, actor=None, mentor=lead_trainer, note="From the 2013 list"
    )

    assert (profile.stage, profile.mentor) == (Stage.ACCREDITED, lead_trainer)
    assert person.has_role(Role.TRAINER)
    assert audit(profile) == ["trainers.pathway.import"]
    with pytest.raises(ValidationError) as error:
        pathway.trainer_record_existing(person=person, region=region, stage=Stage.LEAD, actor=None)
    assert error.value.code == "already_trainer"
