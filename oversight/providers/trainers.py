"""Delivery teams: a co-trainer on every delivery, and no first-time lead without an experienced one
(DOMAIN.md §6: "first lead delivery with an experienced co-trainer"; 000:L3126–3130)."""

from collections import defaultdict

from django.db.models import Count, Min

from events.models import Cohort
from oversight.measures import MeasureContext, MeasureDefinition
from trainers.models import DeliveryAssignment, Stage, TrainerProfile

DEFINITIONS = [
    MeasureDefinition("co_trainer", "Confirmed or delivered cohorts with a co-trainer"),
    MeasureDefinition(
        "first_lead_supported",
        "First-time leads with an experienced co-trainer",
        "A co-trainer who is accredited and has led before.",
    ),
]
TEAM_STATUSES = (Cohort.Status.CONFIRMED, Cohort.Status.DELIVERED)
ACCREDITED = (Stage.ACCREDITED, Stage.LEAD)


def PROVIDER(cohorts: list[Cohort], context: MeasureContext) -> dict[int, dict]:
    in_scope = {cohort.pk for cohort in cohorts if cohort.status in TEAM_STATUSES}
    # Only the people on these cohorts' teams matter, with every cohort (not cancelled) they were on.
    on_teams = DeliveryAssignment.objects.filter(cohort_id__in=in_scope).values("trainer_id")
    first_day, teams = {}, defaultdict(list)
    for trainer_id, cohort_id, role, first in (
        DeliveryAssignment.objects.filter(trainer_id__in=on_teams)
        .exclude(cohort__status=Cohort.Status.CANCELLED)
        .values_list("trainer_id", "cohort_id", "role")
        .annotate(first=Min("cohort__sessions__date"))
        .order_by()
    ):
        first_day[cohort_id] = first
        teams[cohort_id].append((trainer_id, role))
    led_on = defaultdict(list)
    for cohort_id, team in teams.items():
        for trainer_id, role in team:
            if role == DeliveryAssignment.Role.LEAD and first_day[cohort_id]:
                led_on[trainer_id].append(first_day[cohort_id])
    accredited = set(
        TrainerProfile.objects.filter(stage__in=ACCREDITED, person_id__in=on_teams).values_list("person_id", flat=True)
    )

    def led_before(trainer_id, day) -> bool:
        return any(earlier < day for earlier in led_on[trainer_id])

    values = {}
    for cohort_id in in_scope:
        team, day = teams[cohort_id], first_day.get(cohort_id)
        co_trainers = [trainer for trainer, role in team if role == DeliveryAssignment.Role.CO_TRAINER]
        leads = [trainer for trainer, role in team if role == DeliveryAssignment.Role.LEAD]
        values[cohort_id] = {"co_trainer": (int(bool(co_trainers)), 1)}
        if day and any(not led_before(lead, day) for lead in leads):
            supported = any(trainer in accredited and led_before(trainer, day) for trainer in co_trainers)
            values[cohort_id]["first_lead_supported"] = (int(supported), 1)
    return values


def trainer_pipeline(regions) -> list[tuple[str, int]]:
    """How many trainers are at each step of the pathway, in the given regions (issue #7 point 1)."""
    counts = dict(TrainerProfile.objects.filter(region__in=regions).values_list("stage").annotate(total=Count("pk")))
    return [(stage.label, counts.get(stage.value, 0)) for stage in Stage]
