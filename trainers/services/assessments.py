"""Recording an assessment of a candidate against the person specification (issue #5 point 2).

Each rating keeps the criterion's wording and snippet revision at that moment, so when the central
team rewords a criterion, old assessments still say what they were assessed against.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log

from core.models import User
from courses.models import PersonSpecificationCriterion
from events.models import Cohort
from trainers.access import may_assess
from trainers.models import Application, CriterionAssessment, TrainerProfile

Source = CriterionAssessment.Source


@dataclass(frozen=True)
class CriterionRating:
    criterion: PersonSpecificationCriterion
    rating: str
    evidence: str = ""


def criteria_to_assess(profile: TrainerProfile) -> list[PersonSpecificationCriterion]:
    """Every trainer criterion; the Lead Trainer ones only for Lead applicants (issue #5 point 2)."""
    criteria = PersonSpecificationCriterion.objects.all()
    if not Application.objects.filter(profile=profile, for_lead=True).exists():
        criteria = criteria.filter(applies_to=PersonSpecificationCriterion.AppliesTo.ALL_TRAINERS)
    return list(criteria)


@transaction.atomic
def assessment_record(
    *,
    profile: TrainerProfile,
    source: str,
    ratings: list[CriterionRating],
    assessor: User,
    cohort: Cohort | None = None,
) -> list[CriterionAssessment]:
    if source == Source.T4T_OBSERVATION and cohort is None:
        raise ValidationError("Say which Training for Trainers you observed.", code="cohort_required")
    if not may_assess(assessor, profile, source=source, cohort=cohort):
        raise ValidationError("You are not an assessor for this candidate.", code="not_an_assessor")
    if not ratings:
        raise ValidationError("Rate at least one criterion.", code="nothing_rated")
    allowed = {criterion.pk for criterion in criteria_to_assess(profile)}
    if any(item.criterion.pk not in allowed for item in ratings):
        raise ValidationError(
            "The Lead Trainer criteria are only for people applying to be Lead Trainers.",
            code="lead_criteria_not_applicable",
        )
    application = Application.objects.filter(profile=profile).first() if source != Source.T4T_OBSERVATION else None
    rows = [
        CriterionAssessment(
            profile=profile,
            application=application,
            cohort=cohort if source == Source.T4T_OBSERVATION else None,
            criterion=item.criterion,
            criterion_revision_id=item.criterion.latest_revision_id,
            criterion_wording=item.criterion.text,
            rating=item.rating,
            source=source,
            evidence=item.evidence.strip(),
            assessor=assessor,
        )
        for item in ratings
    ]
    for row in rows:
        row.full_clean()
    CriterionAssessment.objects.bulk_create(rows)
    log(
        instance=profile,
        action="trainers.assessment.record",
        user=assessor,
        data={"source": source, "ratings": {str(item.criterion.pk): item.rating for item in ratings}},
    )
    return rows
