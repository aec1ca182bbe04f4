"""Load the reference snippets. Existing rows are left as editors made them; only missing ones are added."""

from courses.bootstrap import reference_data as data
from courses.models import (
    GlossaryTerm,
    KeyWorkingFunction,
    KeyWorkingFunctionArea,
    LearningOutcome,
    PersonSpecificationCriterion,
    Principle,
    Resource,
)


def _ensure(model, lookup: dict, defaults: dict) -> bool:
    """Create the snippet with a first revision unless it exists; True when it was created."""
    if model.objects.filter(**lookup).exists():
        return False
    instance = model.objects.create(**lookup, **defaults)
    instance.save_revision(log_action=True)
    return True


def load_reference(out) -> None:
    created = 0
    for number, text in enumerate(data.PRINCIPLES, start=1):
        created += _ensure(Principle, {"number": number}, {"text": text, "seed_reference": data.PRINCIPLES_REF})
    for programme, outcomes, ref in (
        (LearningOutcome.Programme.COURSE, data.COURSE_OUTCOMES, data.COURSE_OUTCOMES_REF),
        (LearningOutcome.Programme.T4T, data.T4T_OUTCOMES, data.T4T_OUTCOMES_REF),
    ):
        for number, text in enumerate(outcomes, start=1):
            created += _ensure(
                LearningOutcome, {"programme": programme, "number": number}, {"text": text, "seed_reference": ref}
            )
    for number, name in enumerate(data.FUNCTION_AREAS, start=1):
        created += _ensure(
            KeyWorkingFunctionArea, {"number": number}, {"name": name, "seed_reference": data.FUNCTION_AREAS_REF}
        )
    for letter, text in data.FUNCTIONS:
        created += _ensure(KeyWorkingFunction, {"letter": letter}, {"text": text, "seed_reference": data.FUNCTIONS_REF})
    for order, (name, description, ref) in enumerate(data.RESOURCES):
        created += _ensure(
            Resource, {"name": name}, {"description": description, "seed_reference": ref, "sort_order": order}
        )
    for term, definition, ref, is_placeholder in data.GLOSSARY:
        created += _ensure(
            GlossaryTerm,
            {"term": term},
            {"definition": definition, "seed_reference": ref, "is_placeholder": is_placeholder},
        )
    for applies_to, criteria in (
        (PersonSpecificationCriterion.AppliesTo.ALL_TRAINERS, data.TRAINER_CRITERIA),
        (PersonSpecificationCriterion.AppliesTo.LEAD_TRAINERS, data.LEAD_TRAINER_CRITERIA),
    ):
        for number, text in enumerate(criteria, start=1):
            created += _ensure(
                PersonSpecificationCriterion,
                {"applies_to": applies_to, "number": number},
                {"text": text, "seed_reference": data.CRITERIA_REF},
            )
    out.step(f"programme reference content ({created} new snippets)")
