"""Assessment against the person specification keeps the wording assessed against (issue #5 point 2)."""

import pytest
from django.core.exceptions import ValidationError

from trainers.models import CriterionAssessment, Stage, TrainerProfile
from trainers.services.assessments import CriterionRating, assessment_record
from trainers.tests.factories import ApplicationFactory


@pytest.fixture
def candidate(make_trainer):
    person = make_trainer(Stage.APPLICANT)
    profile = TrainerProfile.objects.get(person=person)
    ApplicationFactory(profile=profile)
    return profile


def rate(criteria, rating="met"):
    return [CriterionRating(c, rating, "Seen in the CV") for c in criteria if c.applies_to == "trainer"]


def test_rewording_a_criterion_leaves_old_assessments_as_they_were(candidate, criteria, programme_admin, audit):
    first = criteria[0]
    revision_then = first.latest_revision_id

    assessment_record(profile=candidate, source="cv", ratings=rate(criteria), assessor=programme_admin)
    first.text = "Reworded by the central team"
    first.save()
    first.save_revision()

    kept = CriterionAssessment.objects.get(criterion=first)
    assert (kept.criterion_wording, kept.criterion_revision_id) == ("Trainer criterion 1", revision_then)
    assert kept.application == candidate.applications.get()
    assert audit(candidate) == ["trainers.assessment.record"]


def test_lead_criteria_are_only_for_lead_applicants(candidate, criteria, programme_admin, audit):
    with pytest.raises(ValidationError) as refused:
        assessment_record(
            profile=candidate, source="cv", ratings=[CriterionRating(criteria[-1], "met")], assessor=programme_admin
        )

    assert refused.value.code == "lead_criteria_not_applicable"
    assert not CriterionAssessment.objects.exists() and not audit(candidate)


@pytest.mark.parametrize("who", ["facilitator", "unassigned_lead", "candidate"])
def test_only_programme_admins_and_the_assigned_lead_trainer_assess(candidate, criteria, who, request, make_trainer):
    assessor = {
        "facilitator": lambda: request.getfixturevalue("facilitator"),
        "unassigned_lead": lambda: make_trainer(Stage.LEAD),
        "candidate": lambda: candidate.person,
    }[who]()

    with pytest.raises(ValidationError) as refused:
        assessment_record(profile=candidate, source="cv", ratings=rate(criteria), assessor=assessor)

    assert refused.value.code == "not_an_assessor"
    assert not CriterionAssessment.objects.exists()


def test_the_assigned_lead_trainer_assesses(candidate, criteria, lead_trainer):
    candidate.applications.update(assessor=lead_trainer)

    rows = assessment_record(
        profile=candidate, source="development_day", ratings=rate(criteria, "not_yet_met"), assessor=lead_trainer
    )

    assert {row.rating for row in rows} == {"not_yet_met"} and len(rows) == 3


def test_a_t4t_observation_names_the_t4t_and_comes_from_its_team(candidate, criteria, lead_trainer, make_cohort):
    t4t = make_cohort(path="t4t", days=(-2, -1))
    t4t.t4t_places.create(profile=candidate)
    with pytest.raises(ValidationError) as refused:
        assessment_record(profile=candidate, source="t4t", ratings=rate(criteria), assessor=lead_trainer)
    assert refused.value.code == "cohort_required"
    with pytest.raises(ValidationError) as refused:
        assessment_record(profile=candidate, source="t4t", ratings=rate(criteria), assessor=lead_trainer, cohort=t4t)
    assert refused.value.code == "not_an_assessor"

    t4t.delivery_assignments.create(trainer=lead_trainer, role="lead")
    rows = assessment_record(profile=candidate, source="t4t", ratings=rate(criteria), assessor=lead_trainer, cohort=t4t)

    assert {row.cohort for row in rows} == {t4t} and {row.application for row in rows} == {None}
