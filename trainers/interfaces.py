"""Two doors the feedback app (issue #6) fills, since trainers must never import it (CONVENTIONS.md).

1. **T4T pre-reading.** Booking a T4T place needs the pre-reading completed (000:L404–406).
   `completed_t4t_prereading(person_ids)` answers from every registered source. Trainers' own source
   is `T4TPrereadingConfirmation` (recorded by a programme admin, e.g. read on paper). Feedback adds
   reading progress from its `AppConfig.ready()`:

       from trainers.interfaces import register_prereading_source
       register_prereading_source(people_who_finished_t4t_reading)  # (set[int]) -> set[int]

   A source takes person ids and returns those who completed the T4T pre-reading (the `ReadingPage`
   of kind "t4t"), in a fixed number of queries.

2. **Feedback from participants.** The trainer's pages show evaluation results about them only when
   a source is registered (no placeholder before then):

       from trainers.interfaces import ParticipantFeedback, register_trainer_feedback_source
       register_trainer_feedback_source(feedback_about)  # (User) -> list[ParticipantFeedback]
"""

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

PrereadingSource = Callable[[set[int]], set[int]]
_prereading_sources: list[PrereadingSource] = []


def register_prereading_source(source: PrereadingSource) -> None:
    if source not in _prereading_sources:
        _prereading_sources.append(source)


def completed_t4t_prereading(person_ids: Collection[int]) -> set[int]:
    """The people among `person_ids` who completed the T4T pre-reading, by any registered source."""
    from trainers.models import T4TPrereadingConfirmation

    wanted = set(person_ids)
    done = set(T4TPrereadingConfirmation.objects.filter(person_id__in=wanted).values_list("person_id", flat=True))
    for source in _prereading_sources:
        if wanted - done:
            done |= set(source(wanted - done)) & wanted
    return done


@dataclass(frozen=True)
class ParticipantFeedback:
    """What participants of one cohort said about the course their trainer delivered (000:L2723)."""

    cohort_title: str
    responses: int
    #: (statement, result in words), e.g. ("The trainers were well prepared", "4.6 out of 5").
    results: list[tuple[str, str]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


FeedbackSource = Callable[[object], list[ParticipantFeedback]]
_feedback_sources: list[FeedbackSource] = []


def register_trainer_feedback_source(source: FeedbackSource) -> None:
    if source not in _feedback_sources:
        _feedback_sources.append(source)


def participant_feedback_for(trainer) -> list[ParticipantFeedback] | None:
    """Feedback about `trainer`'s deliveries, or None when no app provides any yet."""
    if not _feedback_sources:
        return None
    return [item for source in _feedback_sources for item in source(trainer)]
