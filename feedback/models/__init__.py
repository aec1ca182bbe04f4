from .attendance import Attendance, AttendanceStatus
from .certificates import Certificate
from .delivery import CriticalIncident, DeliveryIssue, OpenQuestion, SectionDelivery, TrainerReflection
from .evaluation import (
    EvaluationAnswer,
    EvaluationForm,
    EvaluationFormVersion,
    EvaluationQuestion,
    EvaluationReceipt,
    EvaluationResponse,
    Scale,
    Topic,
)
from .materials import MaterialTag, SessionMaterial
from .questionnaires import EntryComment, Questionnaire, QuestionnaireEntry, QuestionnairePrompt
from .readings import ReadingAnswer, ReadingItemProgress
from .settings import FeedbackSettings

__all__ = [
    "Attendance",
    "AttendanceStatus",
    "Certificate",
    "CriticalIncident",
    "DeliveryIssue",
    "EntryComment",
    "EvaluationAnswer",
    "EvaluationForm",
    "EvaluationFormVersion",
    "EvaluationQuestion",
    "EvaluationReceipt",
    "EvaluationResponse",
    "FeedbackSettings",
    "MaterialTag",
    "OpenQuestion",
    "Questionnaire",
    "QuestionnaireEntry",
    "QuestionnairePrompt",
    "ReadingAnswer",
    "ReadingItemProgress",
    "Scale",
    "SectionDelivery",
    "SessionMaterial",
    "Topic",
    "TrainerReflection",
]
