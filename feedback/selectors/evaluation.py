"""Evaluation results per day, cohort, trainer and region, each a fixed number of queries.

Results are grouped by topic (value, relevance, utility, content, delivery, each trainer, overall
satisfaction, worthwhile; 000:L2723, 004:L572–577) across forms and versions: the average score
(0 = lowest answer, 100 = highest) and the share of positive answers. A rating's positive answers
are agree and strongly agree; a yes/no question's ("Was it worthwhile?") are its yeses, and it is
reported as the share answering yes, never as agreement (issue #23 point 7). Trainers see results
only from `evaluation_minimum_responses` up, and comments without a date or a name, in alphabetical
order, so no answer leads back to its author.
"""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q, QuerySet

from feedback.models import EvaluationAnswer, EvaluationForm, EvaluationResponse, Topic
from feedback.rules import current_feedback_rules

SCORED_TOPICS = [topic for topic in Topic if topic != Topic.COMMENTS]


def answer_field(question_key: str, trainer=None) -> str:
    """The form field (and raw answer key) of a question, once per trainer for trainer questions."""
    return f"{question_key}-{trainer.pk}" if trainer is not None else question_key


def published_evaluation_forms() -> list[EvaluationForm]:
    """Every active form with a published version (one query), for asking `evaluation_form_for` about many days."""
    return list(
        EvaluationForm.objects.filter(is_active=True, current_version__isnull=False).select_related("current_version")
    )


def evaluation_form_for(session, forms: list[EvaluationForm] | None = None) -> EvaluationForm | None:
    """The form in use for this kind of day, else the one for every day; only once published. From
    `forms` (`published_evaluation_forms()`) when given, else one query."""
    forms = published_evaluation_forms() if forms is None else forms
    candidates = [form for form in forms if form.course_kind in (session.course.kind, "")]
    return min(candidates, key=lambda form: form.course_kind == "", default=None)


@dataclass(frozen=True)
class TopicResult:
    topic: str
    label: str
    answers: int
    average: float | None
    positive_share: float | None
    #: Answered yes or no only (no rating scale): the share is of people answering yes.
    is_yes_no: bool = False

    @property
    def positive_means(self) -> str:
        return "answered yes" if self.is_yes_no else "agree or strongly agree"

    def in_words(self) -> str:
        """E.g. "80 out of 100; 75% agree or strongly agree", or "90% answered yes" for a yes/no question."""
        if self.positive_share is None:
            return "No ratings"
        share = f"{self.positive_share:.0f}% {self.positive_means}"
        return share if self.is_yes_no else f"{self.average:.0f} out of 100; {share}"


@dataclass
class EvaluationSummary:
    responses: int
    topics: list[TopicResult] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    hidden: bool = False

    def topic(self, topic: str) -> TopicResult | None:
        return next((result for result in self.topics if result.topic == topic), None)


def topic_rows(answers: QuerySet, *group: str) -> list[dict]:
    return list(
        answers.order_by()
        .values(*group, "topic")
        .annotate(
            n=Count("pk"),
            rated=Count("score"),
            on_a_scale=Count("number"),
            average=Avg("score"),
            positive=Count("pk", filter=Q(positive=True)),
        )
    )


def topic_result(row: dict) -> TopicResult:
    return TopicResult(
        topic=row["topic"],
        label=Topic(row["topic"]).label,
        answers=row["n"],
        average=round(row["average"], 1) if row["average"] is not None else None,
        positive_share=round(100 * row["positive"] / row["rated"], 1) if row["rated"] else None,
        is_yes_no=bool(row["rated"]) and not row["on_a_scale"],
    )


def summarise(answers: QuerySet, responses: QuerySet, *, minimum: int = 1) -> EvaluationSummary:
    """Three queries: the response count, the topic figures and the comments."""
    count = responses.count()
    if count < minimum:
        return EvaluationSummary(responses=count, hidden=True)
    rows = sorted(topic_rows(answers), key=lambda row: list(Topic.values).index(row["topic"]))
    comments = sorted(answers.exclude(text="").values_list("text", flat=True))
    return EvaluationSummary(responses=count, topics=[topic_result(row) for row in rows], comments=comments)


def cohort_evaluation_summary(cohort, *, for_trainers: bool) -> EvaluationSummary:
    rules = current_feedback_rules()
    return summarise(
        EvaluationAnswer.objects.filter(response__session__cohort=cohort),
        EvaluationResponse.objects.filter(session__cohort=cohort),
        minimum=rules.evaluation_minimum_responses if for_trainers else 1,
    )


@dataclass
class TrainerEvaluationSummary:
    """For a trainer's page (issue #5 reads it through a hook): what participants said about them, and
    about the days they delivered."""

    about_them: EvaluationSummary
    their_days: EvaluationSummary


def trainer_evaluation_summary(trainer) -> TrainerEvaluationSummary:
    minimum = current_feedback_rules().evaluation_minimum_responses
    about = EvaluationAnswer.objects.filter(trainer=trainer)
    days = Q(session__cohort__delivery_assignments__trainer=trainer) & Q(
        session__cohort__delivery_assignments__role__in=["lead", "co_trainer"]
    )
    their_responses = EvaluationResponse.objects.filter(days)
    return TrainerEvaluationSummary(
        about_them=summarise(
            about.filter(topic=Topic.TRAINER),
            EvaluationResponse.objects.filter(pk__in=about.values("response_id")),
            minimum=minimum,
        ),
        their_days=summarise(
            EvaluationAnswer.objects.filter(response__in=their_responses).exclude(topic=Topic.TRAINER),
            their_responses,
            minimum=minimum,
        ),
    )


@dataclass(frozen=True)
class ResultRow:
    name: str
    responses: int
    results: dict[str, TopicResult]


def _levels() -> dict:
    from core.models import Region, User
    from courses.models import CoursePage
    from events.models import Cohort

    return {
        "day": ("response__session__course", "session__course", CoursePage),
        "region": ("response__session__cohort__region", "session__cohort__region", Region),
        "cohort": ("response__session__cohort", "session__cohort", Cohort),
        "trainer": ("trainer", None, User),
    }


LEVELS = ("day", "region", "cohort", "trainer")


def evaluation_table(level: str, answers: QuerySet | None = None) -> list[ResultRow]:
    """One row per day of the course (Day 1, each Day 2), region, cohort or trainer with each topic's
    figures (three queries)."""
    answers = EvaluationAnswer.objects.all() if answers is None else answers
    answer_key, response_key, model = _levels()[level]
    if level == "trainer":
        answers = answers.filter(trainer__isnull=False, topic=Topic.TRAINER)
        counts = dict(answers.order_by().values_list(answer_key).annotate(total=Count("response_id", distinct=True)))
    else:
        responses = EvaluationResponse.objects.filter(pk__in=answers.values("response_id"))
        counts = dict(responses.order_by().values_list(response_key).annotate(total=Count("pk")))
    rows: dict[int, dict[str, TopicResult]] = {}
    for row in topic_rows(answers, answer_key):
        rows.setdefault(row[answer_key], {})[row["topic"]] = topic_result(row)
    names = {obj.pk: str(obj) for obj in model.objects.filter(pk__in=list(rows))}
    table = [ResultRow(name=names[key], responses=counts.get(key, 0), results=rows[key]) for key in rows]
    return sorted(table, key=lambda row: row.name)
