"""Who may record what on a cohort's days (DOMAIN.md §2, §7).

Reading a cohort's records follows `events.Cohort.objects.visible_to` (programme admins, the region's
facilitators, the cohort's trainers). Writing them is for the delivering trainers, the lead and
co-trainers, and for staff who manage the region: a shadow observes and does not count as a trainer
(DOMAIN.md §6), so a shadow reads but does not record.
"""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch

from events.access import managed_regions, manages_every_region
from trainers.models import DeliveryAssignment

LEAD = "lead"
DELIVERING_ROLES = ("lead", "co_trainer")

#: A cohort's team with the trainers, as `team_role` and `delivering_trainers` read it.
TEAM = Prefetch("delivery_assignments", queryset=DeliveryAssignment.objects.select_related("trainer"))
#: A day's cohort's team, as much of it as `team_role` reads: who has which role.
TEAM_ROLES = Prefetch(
    "cohort__delivery_assignments", queryset=DeliveryAssignment.objects.only("cohort_id", "trainer_id", "role")
)


def team_role(user, cohort) -> str | None:
    """The user's role on the cohort's team (lead / co_trainer / shadow), or None."""
    if not user.is_authenticated:
        return None
    assignment = next(
        (assignment for assignment in cohort.delivery_assignments.all() if assignment.trainer_id == user.pk), None
    )
    return assignment.role if assignment else None


def manages_cohort(user, cohort) -> bool:
    return user.is_authenticated and (
        manages_every_region(user) or managed_regions(user).filter(pk=cohort.region_id).exists()
    )


def can_record(user, cohort) -> bool:
    return team_role(user, cohort) in DELIVERING_ROLES or manages_cohort(user, cohort)


def require_recorder(user, cohort) -> None:
    """Services call this first: the same rule for every record of a delivered day."""
    if not can_record(user, cohort):
        raise ValidationError(
            "Only the cohort's lead and co-trainers, its Regional Facilitator or the central team can record this.",
            code="not_on_team",
        )


def delivering_trainers(cohort) -> list:
    """The trainers participants rate: lead and co-trainers, not shadows (DOMAIN.md §6)."""
    return [
        assignment.trainer for assignment in cohort.delivery_assignments.all() if assignment.role in DELIVERING_ROLES
    ]
