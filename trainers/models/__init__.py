from .applications import Application, CriterionAssessment, CriterionStatement
from .choices import Background, Stage, Standing, TrainingExperience
from .deliveries import DeliveryAssignment, DeliveryChecklist
from .profiles import PathwayStep, TrainerProfile
from .settings import TrainerSettings
from .t4t import T4TPlace, T4TPrereadingConfirmation

__all__ = [
    "Application",
    "Background",
    "CriterionAssessment",
    "CriterionStatement",
    "DeliveryAssignment",
    "DeliveryChecklist",
    "PathwayStep",
    "Stage",
    "Standing",
    "T4TPlace",
    "T4TPrereadingConfirmation",
    "TrainerProfile",
    "TrainerSettings",
    "TrainingExperience",
]
