"""What feedback hands to the events and trainers apps through the doors they opened
(`events.interfaces`, `trainers.interfaces`).

Neither imports feedback (CONVENTIONS.md); `FeedbackConfig.ready()` registers these:

- `registers_not_taken`: a cohort is marked delivered only once each day's register is taken
  (issue #21 point 3, DOMAIN.md §7 "attendance for each day").

- `people_who_finished_t4t_reading`: completing the T4T pre-reading is a condition of taking part
  (000:L404–406), answered from reading progress.
- `participant_feedback_about`: each cohort's evaluation results about a trainer, for their pages
  (issue #6 point 4 "feeding the trainer's page"), hidden below the minimum number of responses so
  that nothing can be traced to its author. Kept in the cache per trainer (issue #8); an evaluation
  of a cohort forgets its trainers' (`participant_feedback_forget`, called by `evaluation_submit`).
"""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Avg, Count, Q
from django.utils.formats import date_format

from courses.reading_catalogue import reading_catalogue
from feedback.models import Attendance, EvaluationAnswer, EvaluationResponse, Topic
from feedback.rules import current_feedback_rules
from feedback.selectors.readings import reading_progress
from feedback.selectors.register import register_registrations
from trainers.interfaces import ParticipantFeedback
from trainers.models import DeliveryAssignment


def registers_not_taken(cohort) -> list[ValidationError]:
    """A day whose register is not taken: someone expected that day has no mark (one query a day)."""
    problems = []
    for session in cohort.ordered_sessions:
        marked = Attendance.objects.filter(session=session).values("registration_id")
        if register_registrations(session).exclude(pk__in=marked).exists():
            problems.append(
                ValidationError(
                    f"The register for {session.course.title} on {date_format(session.date, 'j F Y')} is not "
                    "taken yet. Take each day's register before marking the cohort delivered.",
                    code="register_not_taken",
                )
            )
    return problems


def people_who_finished_t4t_reading(person_ids: set[int]) -> set[int]:
    """Those who finished every live T4T pre-reading (one query)."""
    readings = [reading.pk for reading in reading_catalogue().t4t_pre_readings]
    if not readings:
        return set()
    progress = reading_progress(person_ids, readings)
    return {person for person in person_ids if all(progress[(person, reading)].is_complete for reading in readings)}


def _in_words(average: float | None, positive: int, rated: int) -> str:
    if average is None or not rated:
        return "No ratings"
    return f"{average:.0f} out of 100; {round(100 * positive / rated)}% agree or strongly agree"


def _kept_as(trainer_id: int, minimum: int) -> str:
    return f"feedback:participant-feedback:{trainer_id}:{minimum}"


def participant_feedback_about(trainer) -> list[ParticipantFeedback]:
    """What participants said about the trainer's deliveries, kept for
    `FEEDBACK_TRAINER_RESULTS_CACHE_SECONDS` under the trainer and the minimum number of responses;
    a new evaluation of one of their cohorts shows at once (`participant_feedback_forget`)."""
    minimum = current_feedback_rules().evaluation_minimum_responses
    return cache.get_or_set(
        _kept_as(trainer.pk, minimum),
        lambda: _participant_feedback_about(trainer, minimum),
        settings.FEEDBACK_TRAINER_RESULTS_CACHE_SECONDS,
    )


def participant_feedback_forget(trainer_ids) -> None:
    """Forget the kept feedback about these trainers: a cohort they deliver has a new evaluation."""
    minimum = current_feedback_rules().evaluation_minimum_responses
    cache.delete_many([_kept_as(trainer_id, minimum) for trainer_id in trainer_ids])


def _participant_feedback_about(trainer, minimum: int) -> list[ParticipantFeedback]:
    """One entry per cohort the trainer delivered (lead or co-trainer) that has evaluations (three
    queries: the responses with their cohort's title, the ratings, the comments)."""
    delivered = DeliveryAssignment.objects.filter(trainer=trainer, role__in=["lead", "co_trainer"]).values("cohort")
    responses = (
        EvaluationResponse.objects.filter(session__cohort__in=delivered)
        .order_by()
        .values_list("session__cohort", "session__cohort__title")
        .annotate(total=Count("pk"))
    )
    answers = EvaluationAnswer.objects.filter(response__session__cohort__in=delivered).filter(
        Q(trainer=trainer) | Q(trainer__isnull=True)
    )
    figures: dict[int, list[tuple[str, str]]] = {}
    rows = (
        answers.exclude(topic=Topic.COMMENTS)
        .order_by()
        .values("response__session__cohort", "topic")
        .annotate(average=Avg("score"), rated=Count("score"), positive=Count("pk", filter=Q(positive=True)))
    )
    for row in sorted(rows, key=lambda row: list(Topic.values).index(row["topic"])):
        label = "Ratings of you" if row["topic"] == Topic.TRAINER else Topic(row["topic"]).label
        figures.setdefault(row["response__session__cohort"], []).append(
            (label, _in_words(row["average"], row["positive"], row["rated"]))
        )
    comments: dict[int, list[str]] = {}
    for cohort_id, text in answers.exclude(text="").values_list("response__session__cohort", "text").order_by("text"):
        comments.setdefault(cohort_id, []).append(text)
    return [
        ParticipantFeedback(
            cohort_title=title,
            responses=count,
            results=figures.get(cohort_id, []) if count >= minimum else [],
            comments=comments.get(cohort_id, []) if count >= minimum else [],
        )
        for cohort_id, title, count in sorted(responses, key=lambda row: row[1])
    ]
