"""Why a cohort's team puts it at risk, for events' list of cohorts at risk (issue #21 point 4),
registered through `events.interfaces.register_risk_source` since events never imports trainers.

Only an accredited trainer leads (DOMAIN.md §6, product decision on 000:L3854–3863); every trainer
prepares each delivery with a checklist (000:L2106–2118, L2658–2666). Two queries however many
cohorts: the teams with their profiles, checklists and each trainer's previous delivery, as a
subquery (the checklist's "re-read since your last delivery" rule).
"""

import datetime
from collections import defaultdict

from django.db.models import OuterRef, Subquery
from django.urls import reverse

from events.interfaces import RiskReason
from events.models import Cohort, Session
from events.models.cohorts import session_date
from trainers.models import DeliveryAssignment, Stage
from trainers.selectors.deliveries import checklist_missing

Role = DeliveryAssignment.Role


def _teams(cohort_ids: list[int]) -> dict[int, list[DeliveryAssignment]]:
    previous_end = (
        Session.objects.filter(
            cohort__delivery_assignments__trainer=OuterRef("trainer"), date__lt=OuterRef("starts_on")
        )
        .exclude(cohort=OuterRef("cohort"))
        .exclude(cohort__status=Cohort.Status.CANCELLED)
        .order_by("-date")
        .values("date")[:1]
    )
    teams = defaultdict(list)
    assignments = (
        DeliveryAssignment.objects.filter(cohort_id__in=cohort_ids)
        .annotate(starts_on=session_date("cohort"))
        .annotate(previous_end=Subquery(previous_end))
        .select_related("trainer__trainer_profile", "checklist")
    )
    for assignment in assignments:
        teams[assignment.cohort_id].append(assignment)
    return teams


def _can_lead(assignment: DeliveryAssignment) -> bool:
    profile = getattr(assignment.trainer, "trainer_profile", None)
    return profile is not None and profile.is_active and profile.has_reached(Stage.ACCREDITED)


def team_risk_reasons(cohorts: list[Cohort], today: datetime.date) -> dict[int, list[RiskReason]]:
    teams = _teams([cohort.pk for cohort in cohorts])
    reasons = {}
    for cohort in cohorts:
        team = teams[cohort.pk]
        found = []
        if not any(assignment.role == Role.LEAD and _can_lead(assignment) for assignment in team):
            found.append(
                RiskReason(
                    "no_accredited_lead",
                    "No accredited lead trainer.",
                    reverse("cohort_teams:team", args=[cohort.pk]),
                )
            )
        unready = [a for a in team if checklist_missing(a, a.previous_end)]
        if unready:
            found.append(
                RiskReason(
                    "checklists_incomplete",
                    f"{len(unready)} of {len(team)} trainers have not finished their checklist.",
                    reverse("events:cohort_team", args=[cohort.pk]),
                )
            )
        reasons[cohort.pk] = found
    return reasons
