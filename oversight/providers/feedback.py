"""What happened on the days and after: attendance, evaluations, reflective practice, follow-up, and
questions still waiting for an answer (DOMAIN.md §7–8; issue #7 point 1)."""

from collections import defaultdict

from django.db.models import Count, Q

from events.models import Cohort, Registration
from events.models.choices import FAMILY_SIDE
from feedback.models import Attendance, EvaluationAnswer, OpenQuestion, Questionnaire, QuestionnaireEntry
from feedback.models.attendance import AttendanceStatus
from feedback.models.evaluation import Topic
from oversight.measures import MeasureContext, MeasureDefinition

DEFINITIONS = [
    MeasureDefinition("attended", "Places attended on the days recorded", "Present, late or left early."),
    MeasureDefinition(
        "family_attended", "Parent carers and young people present on the days recorded", "Of their places recorded."
    ),
    MeasureDefinition("worthwhile", "Evaluations saying the day was worthwhile", "Of the answers to that question."),
    MeasureDefinition(
        "reflections_sent",
        "Reflective practice sent (RP1–RP5)",
        "Of five per confirmed place on a delivered cohort (000 Appendix 5).",
    ),
    MeasureDefinition(
        "follow_ups_sent",
        "Follow-up questionnaires sent",
        "Of confirmed places on a delivered cohort.",  # 000:L7288
    ),
    MeasureDefinition("questions_waiting", "Escalated questions still waiting for an answer", share=False),
]
ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.LEFT_EARLY)


def PROVIDER(cohorts: list[Cohort], context: MeasureContext) -> dict[int, dict]:
    ids = [cohort.pk for cohort in cohorts]
    values = defaultdict(dict)
    attended = Q(status__in=ATTENDED)
    family = Q(registration__applying_as__in=FAMILY_SIDE)
    for row in (
        Attendance.objects.filter(session__cohort_id__in=ids)
        .values("session__cohort_id")
        .annotate(
            total=Count("pk"),
            attended=Count("pk", filter=attended),
            family_total=Count("pk", filter=family),
            family_attended=Count("pk", filter=family & attended),
        )
    ):
        cohort_values = values[row["session__cohort_id"]]
        cohort_values["attended"] = (row["attended"], row["total"])
        cohort_values["family_attended"] = (row["family_attended"], row["family_total"])
    for row in (
        EvaluationAnswer.objects.filter(response__session__cohort_id__in=ids, topic=Topic.WORTHWHILE)
        .values("response__session__cohort_id")
        .annotate(total=Count("pk"), yes=Count("pk", filter=Q(positive=True)))
    ):
        values[row["response__session__cohort_id"]]["worthwhile"] = (row["yes"], row["total"])
    _add_questionnaires(values, [cohort.pk for cohort in cohorts if cohort.status == Cohort.Status.DELIVERED])
    for row in (
        OpenQuestion.objects.filter(session__cohort_id__in=ids, status=OpenQuestion.Status.ESCALATED)
        .values("session__cohort_id")
        .annotate(total=Count("pk"))
    ):
        values[row["session__cohort_id"]]["questions_waiting"] = (row["total"], None)
    return values


def _add_questionnaires(values: dict, delivered: list[int]) -> None:
    places = dict(
        Registration.objects.filter(cohort_id__in=delivered, status=Registration.Status.CONFIRMED)
        .values_list("cohort_id")
        .annotate(total=Count("pk"))
    )
    reflections = Questionnaire.objects.filter(kind=Questionnaire.Kind.REFLECTION).count()
    sent = defaultdict(lambda: defaultdict(int))
    for cohort_id, kind, total in (
        QuestionnaireEntry.objects.filter(
            registration__cohort_id__in=delivered, status=QuestionnaireEntry.Status.SUBMITTED
        )
        .values_list("registration__cohort_id", "questionnaire__kind")
        .annotate(total=Count("pk"))
    ):
        sent[cohort_id][kind] += total
    for cohort_id, total_places in places.items():
        values[cohort_id]["reflections_sent"] = (
            sent[cohort_id][Questionnaire.Kind.REFLECTION],
            total_places * reflections,
        )
        values[cohort_id]["follow_ups_sent"] = (sent[cohort_id][Questionnaire.Kind.FOLLOW_UP], total_places)
