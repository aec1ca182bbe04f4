"""What a T4T candidate prepares, and the candidates of one T4T with their suggested groups."""

from dataclasses import dataclass

from django.db.models import QuerySet

from courses.models import CoursePage, SectionPage
from events.models import Cohort
from trainers.grouping import Candidate, group_count_for, suggest_groups
from trainers.interfaces import completed_t4t_prereading
from trainers.models import CriterionAssessment, T4TPlace
from trainers.models.choices import EXPERIENCE_WEIGHT
from trainers.rules import PathwayRules

#: Candidates prepare Day 1 Sections 5 and 6 "as if they were going to deliver them" (000:L2082–2093).
PREPARATION_SECTIONS = (5, 6)


@dataclass
class Preparation:
    instructions: str  # the T4T course's own "preparation" text (rich text)
    sections: list[SectionPage]


def t4t_preparation() -> Preparation:
    """The assignment every candidate gets when they book, from the live course pages."""
    t4t = CoursePage.objects.live().filter(kind=CoursePage.Kind.T4T).first()
    day1 = CoursePage.objects.live().filter(kind=CoursePage.Kind.DAY1).first()
    sections = (
        list(SectionPage.objects.live().child_of(day1).filter(number__in=PREPARATION_SECTIONS).order_by("number"))
        if day1
        else []
    )
    return Preparation(instructions=t4t.preparation if t4t else "", sections=sections)


def t4t_places(cohort: Cohort) -> QuerySet[T4TPlace]:
    return T4TPlace.objects.filter(cohort=cohort).select_related("profile__person", "cohort")


@dataclass
class T4TDay:
    cohort: Cohort
    places: list[T4TPlace]
    suggested: dict[int, int]  # place id -> suggested group number
    group_count: int
    observed: set[int]  # profile ids with an observation recorded at this T4T
    prereading_done: set[int]  # person ids


def t4t_day(cohort: Cohort, *, rules: PathwayRules) -> T4TDay:
    places = list(t4t_places(cohort))
    count = group_count_for(len(places), rules.t4t_group_size)
    candidates = [
        Candidate(
            key=place.pk,
            name=str(place.profile),
            experience=EXPERIENCE_WEIGHT[place.profile.training_experience],
            family_side=place.profile.is_family_side,
        )
        for place in places
    ]
    suggested = {
        candidate.key: number
        for number, group in enumerate(suggest_groups(candidates, group_count=count) if count else [], start=1)
        for candidate in group
    }
    observed = set(
        CriterionAssessment.objects.filter(
            cohort=cohort, source=CriterionAssessment.Source.T4T_OBSERVATION
        ).values_list("profile_id", flat=True)
    )
    return T4TDay(
        cohort=cohort,
        places=places,
        suggested=suggested,
        group_count=count,
        observed=observed,
        prereading_done=completed_t4t_prereading([place.profile.person_id for place in places]),
    )
