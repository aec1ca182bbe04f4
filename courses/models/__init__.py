from .base import WRITTEN, Flexibility, SeedSourced
from .programme import DAY_MINUTES, CourseLearningOutcome, CoursePage, CourseReading, ProgrammePage
from .readings import ReadingItem, ReadingPage, ReadingQuestion
from .reference import (
    GlossaryTerm,
    KeyWorkingFunction,
    KeyWorkingFunctionArea,
    LearningOutcome,
    PersonSpecificationCriterion,
    Principle,
    Resource,
)
from .sections import SectionPage
from .trainer_guides import TrainerGuidePage

__all__ = [
    "DAY_MINUTES",
    "CourseLearningOutcome",
    "CoursePage",
    "CourseReading",
    "Flexibility",
    "GlossaryTerm",
    "KeyWorkingFunction",
    "KeyWorkingFunctionArea",
    "LearningOutcome",
    "PersonSpecificationCriterion",
    "Principle",
    "ProgrammePage",
    "ReadingItem",
    "ReadingPage",
    "ReadingQuestion",
    "Resource",
    "SectionPage",
    "SeedSourced",
    "TrainerGuidePage",
    "WRITTEN",
]
