"""A trainer's pathway as a progress view: each step, its evidence, and what is left (issue #5 point 7).

The same overview serves the trainer's own page and the admin's trainer page. It reads a fixed number
of queries however long the trainer's history is, and however many trainers there are.
"""

import datetime
from dataclasses import dataclass, field

from core.models import User
from courses.models import ReadingPage
from courses.reading_catalogue import reading_catalogue
from events.models import Cohort
from events.models.cohorts import session_date
from trainers.interfaces import completed_t4t_prereading
from trainers.models import (
    Application,
    CriterionAssessment,
    DeliveryAssignment,
    PathwayStep,
    Stage,
    T4TPlace,
    TrainerProfile,
)
from trainers.pathway import TRANSITIONS
from trainers.rules import PathwayRules
from trainers.selectors.profiles import PROFILE_RELATIONS


@dataclass
class Step:
    key: str
    title: str
    reached: str  # the stage that marks this step done
    state: str = "todo"  # done / current / todo
    reached_at: datetime.datetime | None = None  # an imported trainer's earlier steps have no date


@dataclass
class PathwayOverview:
    profile: TrainerProfile
    rules: PathwayRules
    steps: list[Step]
    history: list[PathwayStep]
    applications: list[Application]
    assessments: list[CriterionAssessment]  # the latest per criterion
    t4t_places: list[T4TPlace]
    open_t4t: list[Cohort]
    prereading_done: bool  # asked only while it matters: in the pool, before T4T
    shows_preparation: bool  # the T4T preparation, once booked or while waiting to book
    prereading_page: ReadingPage | None
    wants_lead: bool
    shadowings: list[DeliveryAssignment] = field(default_factory=list)
    co_trainings: list[DeliveryAssignment] = field(default_factory=list)

    @property
    def done_keys(self) -> set[str]:
        return {step.key for step in self.steps if step.state == "done"}

    @property
    def done_count(self) -> int:
        return len(self.done_keys)

    @property
    def signed_shadowings(self) -> int:
        return sum(a.is_signed_off for a in self.shadowings)

    @property
    def signed_co_trainings(self) -> int:
        return sum(a.is_signed_off for a in self.co_trainings)


STEPS = [
    ("application", "Application and assessment", Stage.IN_POOL),
    ("t4t", "Training for Trainers", Stage.T4T_COMPLETED),
    ("shadowing", "Shadowing an experienced trainer", Stage.SHADOWED),
    ("co_training", "Co-training with an experienced trainer", Stage.CO_TRAINED),
    ("accreditation", "Accredited trainer", Stage.ACCREDITED),
    ("lead", "Lead Trainer", Stage.LEAD),
]


def _steps(profile: TrainerProfile, history: list[PathwayStep], *, wants_lead: bool) -> list[Step]:
    moves = [row for row in history if row.action not in TRANSITIONS or not TRANSITIONS[row.action].changes_standing]
    reached_at = {row.stage: row.happened_at for row in moves}
    steps = [
        Step(key, title, stage, reached_at=reached_at.get(stage))
        for key, title, stage in STEPS
        if key != "lead" or wants_lead
    ]
    current_found = profile.stage == Stage.DECLINED or not profile.is_active
    for step in steps:
        if profile.has_reached(step.reached):
            step.state = "done"
        elif not current_found:
            step.state, current_found = "current", True
    return steps


def _with_relations(profile: TrainerProfile) -> TrainerProfile:
    """The profile as given when the caller loaded `PROFILE_RELATIONS` with it, else read again with them."""
    if all(TrainerProfile._meta.get_field(name).is_cached(profile) for name in PROFILE_RELATIONS):
        return profile
    return TrainerProfile.objects.select_related(*PROFILE_RELATIONS).get(pk=profile.pk)


def _with_people(rows_and_relations) -> None:
    """Gives each row the person its relation names (who recorded a step, assessed a criterion,
    signed off a delivery), all read in one query rather than a join for each kind of row."""
    ids = {getattr(row, f"{relation}_id") for rows, relation in rows_and_relations for row in rows} - {None}
    people = User.objects.in_bulk(ids) if ids else {}
    for rows, relation in rows_and_relations:
        for row in rows:
            setattr(row, relation, people.get(getattr(row, f"{relation}_id")))


def pathway_overview(profile: TrainerProfile, *, rules: PathwayRules, today: datetime.date) -> PathwayOverview:
    profile = _with_relations(profile)
    applications = list(Application.objects.filter(profile=profile))
    latest: dict[int, CriterionAssessment] = {}
    for assessment in CriterionAssessment.objects.filter(profile=profile).select_related("cohort"):
        latest.setdefault(assessment.criterion_id, assessment)
    # One person's places: by group, without the default's join to order by their own name. Each
    # place and delivery carries its cohort's first day, all the page reads of the cohort's days.
    places = list(
        T4TPlace.objects.filter(profile=profile)
        .select_related("cohort")
        .annotate(first_day=session_date("cohort"))
        .order_by("group_number", "pk")
    )
    in_pool = profile.stage == Stage.IN_POOL
    waiting_for_t4t = in_pool and not any(p.completed_at is None for p in places)
    open_t4t = (
        list(
            Cohort.objects.open_for_registration(today)
            .filter(path=Cohort.Path.T4T)
            .with_first_date()
            .select_related("venue", "region")
            .prefetch_related("sessions")
            .order_by("first_date", "pk")
        )
        if waiting_for_t4t
        else []
    )
    assignments = list(
        DeliveryAssignment.objects.filter(trainer=profile.person, role__in=DeliveryAssignment.NEEDS_SIGN_OFF)
        .select_related("cohort")
        .annotate(first_day=session_date("cohort"))
        .order_by("assigned_at", "pk")
    )
    for row in [*places, *assignments]:
        row.cohort.first_date = row.first_day  # its date, and when a T4T part is revealed (`Cohort.start_date`)
    wants_lead = profile.stage == Stage.LEAD or any(a.for_lead for a in applications)
    history = list(PathwayStep.objects.filter(profile=profile))
    _with_people([(history, "actor"), (latest.values(), "assessor"), (assignments, "signed_off_by")])
    return PathwayOverview(
        profile=profile,
        rules=rules,
        steps=_steps(profile, history, wants_lead=wants_lead),
        history=history,
        applications=applications,
        assessments=sorted(latest.values(), key=lambda a: (a.criterion_wording, a.pk)),
        t4t_places=places,
        open_t4t=open_t4t,
        prereading_done=in_pool and profile.person_id in completed_t4t_prereading([profile.person_id]),
        shows_preparation=bool(places) or waiting_for_t4t,
        prereading_page=next(iter(reading_catalogue().t4t_pre_readings), None) if waiting_for_t4t else None,
        wants_lead=wants_lead,
        shadowings=[a for a in assignments if a.role == DeliveryAssignment.Role.SHADOW],
        co_trainings=[a for a in assignments if a.role == DeliveryAssignment.Role.CO_TRAINER],
    )
