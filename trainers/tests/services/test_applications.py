"""Applying with a CV and statements, and the programme's decision (issue #5 points 1–2)."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from core.models import Notification
from core.roles import Role
from trainers.models import Application, CriterionStatement, PathwayStep, Stage, TrainerProfile
from trainers.services.applications import application_assign_assessor, application_decide, application_submit
from trainers.services.assessments import CriterionRating, assessment_record
from trainers.tests.factories import CriterionFactory, cv_upload


@pytest.fixture
def applicant(make_user):
    return make_user(Role.PARTICIPANT)


def apply(person, region, criteria, **overrides):
    trainer_criteria = [c for c in criteria if c.applies_to == "trainer"]
    fields = {
        "person": person,
        "region": region,
        "cv": cv_upload(),
        "statements": {c.pk: f"My evidence for {c.text}" for c in trainer_criteria},
        "background": "parent_carer",
        "training_experience": "new",
        **overrides,
    }
    return application_submit(**fields)


def test_an_application_keeps_each_criterions_wording_and_the_cv_privately(applicant, region, criteria, audit):
    application = apply(applicant, region, criteria)

    profile = TrainerProfile.objects.get(person=applicant)
    assert (profile.stage, profile.background, profile.is_family_side) == (Stage.APPLICANT, "parent_carer", True)
    assert list(CriterionStatement.objects.values_list("criterion_wording", flat=True)) == [
        "Trainer criterion 1",
        "Trainer criterion 2",
        "Trainer criterion 3",
    ]
    assert application.cv.name.startswith("trainers/cvs/") and "my-cv" not in application.cv.name
    assert "/private/" in application.cv.path
    with pytest.raises(ValueError):
        application.cv.url  # noqa: B018 - a private file has no public address
    assert audit(application) == ["trainers.application.submit"]
    assert [step.action for step in profile.steps.all()] == ["apply"]
    assert Notification.objects.filter(recipient=applicant, message="trainers.application_received").exists()


def test_every_criterion_needs_a_statement_and_nothing_is_kept_otherwise(applicant, region, criteria):
    with pytest.raises(ValidationError) as refused:
        apply(applicant, region, criteria, statements={criteria[0].pk: "Only one"})

    assert refused.value.code == "statement_missing"
    assert not TrainerProfile.objects.exists() and not Application.objects.exists()


def test_a_lead_applicant_answers_the_lead_criteria_and_writes_a_supporting_statement(applicant, region, criteria):
    statements = {c.pk: "Evidence" for c in criteria}

    with pytest.raises(ValidationError) as refused:
        apply(applicant, region, criteria, statements=statements, for_lead=True)
    assert refused.value.error_dict["lead_statement"][0].code == "lead_statement_required"
    assert not TrainerProfile.objects.exists()

    application = apply(applicant, region, criteria, statements=statements, for_lead=True, lead_statement="I mentor.")
    assert application.statements.count() == 5


def test_one_open_application_at_a_time(applicant, region, criteria):
    apply(applicant, region, criteria)

    with pytest.raises(ValidationError) as refused:
        apply(applicant, region, criteria)

    assert refused.value.code == "application_open"
    assert Application.objects.count() == 1


@pytest.fixture
def submitted(applicant, region, criteria):
    return apply(applicant, region, criteria)


def assess_all(application, assessor, criteria, rating="met"):
    assessment_record(
        profile=application.profile,
        source="cv",
        ratings=[CriterionRating(c, rating, "Clear in the CV") for c in criteria if c.applies_to == "trainer"],
        assessor=assessor,
    )


def test_accepting_needs_every_criterion_assessed(submitted, programme_admin, criteria, audit):
    with pytest.raises(ValidationError) as refused:
        application_decide(application=submitted, outcome="accepted", actor=programme_admin)

    assert refused.value.code == "not_assessed"
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.SUBMITTED
    assert audit(submitted) == ["trainers.application.submit"]


def test_an_accepted_applicant_joins_the_pool_as_a_trainer(submitted, programme_admin, criteria, audit, applicant):
    assess_all(submitted, programme_admin, criteria)

    application_decide(
        application=submitted, outcome="development", development_needs="Initial shadowing", actor=programme_admin
    )

    submitted.refresh_from_db()
    assert (submitted.status, submitted.development_needs, submitted.decided_by) == (
        "development",
        "Initial shadowing",
        programme_admin,
    )
    profile = submitted.profile
    profile.refresh_from_db()
    assert profile.stage == Stage.IN_POOL
    applicant.refresh_from_db()
    assert applicant.has_role(Role.TRAINER)
    assert audit(submitted) == ["trainers.application.submit", "trainers.application.decide"]
    assert audit(profile)[-1] == "trainers.pathway.accept"
    assert Notification.objects.filter(recipient=applicant, message="trainers.application_decided").exists()


@pytest.mark.parametrize(
    ("outcome", "code"),
    [("declined", "reasons_required"), ("development", "development_needs_required"), ("x", "unknown_outcome")],
)
def test_a_decision_says_why(submitted, programme_admin, audit, outcome, code):
    with pytest.raises(ValidationError) as refused:
        application_decide(application=submitted, outcome=outcome, actor=programme_admin)

    assert refused.value.code == code
    assert not PathwayStep.objects.filter(action__in=["accept", "decline"]).exists()


def test_a_declined_applicant_is_told_why_and_may_apply_again(submitted, programme_admin, applicant, region, criteria):
    application_decide(
        application=submitted, outcome="declined", reasons="Not enough training experience yet", actor=programme_admin
    )
    assert TrainerProfile.objects.get(person=applicant).stage == Stage.DECLINED

    apply(applicant, region, criteria)

    profile = TrainerProfile.objects.get(person=applicant)
    assert profile.stage == Stage.APPLICANT
    assert [s.action for s in profile.steps.all()] == ["apply", "decline", "apply"]


def test_an_accredited_trainer_applies_to_lead_with_the_lead_criteria_only(make_trainer, region, criteria):
    trainer = make_trainer(Stage.ACCREDITED)
    lead_criteria = {c.pk: "Evidence" for c in criteria if c.applies_to == "lead"}

    application = apply(trainer, region, criteria, statements=lead_criteria, for_lead=True, lead_statement="Ready.")

    assert application.statements.count() == 2
    assert TrainerProfile.objects.get(person=trainer).stage == Stage.ACCREDITED


def test_an_application_is_assigned_to_a_lead_trainer_only(
    submitted, make_trainer, lead_trainer, programme_admin, audit
):
    with pytest.raises(ValidationError) as refused:
        application_assign_assessor(
            application=submitted, assessor=make_trainer(Stage.ACCREDITED), actor=programme_admin
        )
    assert refused.value.code == "assessor_not_lead"

    application_assign_assessor(application=submitted, assessor=lead_trainer, actor=programme_admin)

    submitted.refresh_from_db()
    assert submitted.assessor == lead_trainer
    assert audit(submitted) == ["trainers.application.submit", "trainers.application.assign"]


def test_the_applicant_receives_the_email_through_the_task_worker(make_user, region, run_tasks):
    criteria = [CriterionFactory(text="Trainer criterion 1")]
    person = make_user(Role.PARTICIPANT, email="sam@example.org")

    apply(person, region, criteria)
    run_tasks()

    assert [message.to for message in mail.outbox] == [["sam@example.org"]]
    assert "We have your application" in mail.outbox[0].subject
