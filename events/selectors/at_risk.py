"""Cohorts at risk: open cohorts starting soon with something that may stop them running well
(issue #21 point 4), each reason with the page where it is put right.

A cohort is looked at when it is recruiting or confirmed and its first day is within the at-risk
cut-off (Settings → Cohort rules, `at_risk_days`; cohorts were cancelled for too few registrations,
000:L489–491). Events finds: fewer confirmed than the minimum (000:L2690), a mix that fails the rule
(DOMAIN.md §4), packs or agendas past their deadline (000:L2670–2676), parent carers and young people
not prepared (000:L556–562, L3214–3218). The trainers app adds its own reasons (no accredited lead,
checklists not done) through `events.interfaces.register_risk_source`. A fixed number of queries
however many cohorts.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.urls import reverse

from events.interfaces import RiskReason, other_risk_reasons
from events.models import Cohort, Registration, Session
from events.models.cohorts import session_date
from events.models.rules import CohortRules
from events.selectors.deadlines import overdue_messages
from events.selectors.mix import evaluate_mix, mix_rows_by_cohort


@dataclass
class CohortAtRisk:
    cohort: Cohort
    reasons: list[RiskReason] = field(default_factory=list)


def risk_candidates(cohorts, *, rules: CohortRules, today: datetime.date):
    """Recruiting or confirmed cohorts whose first day is from today to the cut-off, soonest first."""
    return (
        cohorts.filter(status__in=Cohort.OPEN_STATUSES)
        .annotate(first_date=session_date())
        .filter(first_date__gte=today, first_date__lte=today + datetime.timedelta(days=rules.at_risk_days))
        .with_confirmed_count()
        .select_related("region")
        .order_by("first_date", "pk")
    )


def _confirmed_places(cohort_ids: list[int]) -> list[Registration]:
    """Confirmed registrations with what deadlines and preparation read: their days, their record."""
    days = Session.objects.select_related("course")
    return list(
        Registration.objects.filter(cohort_id__in=cohort_ids, status=Registration.Status.CONFIRMED)
        .select_related("person", "cohort", "day1_cohort", "preparation")
        .prefetch_related(Prefetch("cohort__sessions", days), Prefetch("day1_cohort__sessions", days))
    )


def _own_reasons(cohorts: list[Cohort], rules: CohortRules, today: datetime.date) -> dict[int, list[RiskReason]]:
    ids = [cohort.pk for cohort in cohorts]
    places = _confirmed_places(ids)
    by_cohort = defaultdict(list)
    for registration in places:
        by_cohort[registration.cohort_id].append(registration)
    late = defaultdict(int)
    for item in overdue_messages(places, rules=rules, today=today):
        late[item.registration.cohort_id] += 1
    mixes = mix_rows_by_cohort(ids)
    reasons: dict[int, list[RiskReason]] = {}
    for cohort in cohorts:
        page = reverse("events:cohort_team", args=[cohort.pk])
        found = []
        if cohort.confirmed_count < rules.minimum_size:
            found.append(
                RiskReason(
                    "too_few",
                    f"{cohort.confirmed_count} confirmed; at least {rules.minimum_size} are needed.",
                    page,
                )
            )
        mix = evaluate_mix(mixes[cohort.pk], rules)
        if not mix.meets_rule:
            found.append(RiskReason("mix_not_met", "The mix rule is not met: " + "; ".join(mix.warnings) + ".", page))
        if late[cohort.pk]:
            found.append(RiskReason("messages_overdue", f"{late[cohort.pk]} packs or agendas are overdue.", page))
        unprepared = [r for r in by_cohort[cohort.pk] if r.preparation_missing_steps()]
        if unprepared:
            found.append(
                RiskReason(
                    "not_prepared",
                    f"{len(unprepared)} parent carers or young people are not prepared yet.",
                    reverse("events:preparation", args=[cohort.pk, unprepared[0].pk]),
                )
            )
        reasons[cohort.pk] = found
    return reasons


def cohorts_at_risk(cohorts, *, rules: CohortRules, today: datetime.date) -> list[CohortAtRisk]:
    """Of `cohorts` (a queryset the caller scoped to what the person may see, e.g.
    `Cohort.objects.visible_to(user)`), those starting within the cut-off with at least one reason."""
    candidates = list(risk_candidates(cohorts, rules=rules, today=today))
    if not candidates:
        return []
    own = _own_reasons(candidates, rules, today)
    others = other_risk_reasons(candidates, today)
    listed = [CohortAtRisk(cohort, own[cohort.pk] + others.get(cohort.pk, [])) for cohort in candidates]
    return [item for item in listed if item.reasons]
