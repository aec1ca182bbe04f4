"""Cohort figures: run, cancelled, at risk; the mix; parents prepared; packs and agendas on time."""

from collections import defaultdict

from django.db.models import Min
from django.db.models.functions import TruncDate
from django.utils.timezone import localdate

from core.models import Notification
from events import messages
from events.models import Cohort, Registration
from events.selectors.deadlines import messages_due
from events.selectors.mix import regional_mix_summary
from oversight.measures import MeasureContext, MeasureDefinition

DEFINITIONS = [
    MeasureDefinition("delivered", "Cohorts delivered", share=False),
    MeasureDefinition("cancelled", "Cohorts cancelled", share=False),
    MeasureDefinition(
        "at_risk", "Cohorts at risk", "Recruiting, inside the cut-off and below the minimum size.", share=False
    ),
    MeasureDefinition("mix_met", "Confirmed or delivered cohorts meeting the mix rule"),
    MeasureDefinition("mix_overridden", "Cohorts confirmed with a mix override", share=False),
    MeasureDefinition(
        "family_prepared", "Parent carers and young people prepared", "Of those with a confirmed place (DOMAIN.md §5)."
    ),
    MeasureDefinition(
        "packs_on_time", "Pre-course packs sent on time", "Of packs already due: ≥ 14 days before Day 1 (000:L2670)."
    ),
    MeasureDefinition(
        "agendas_on_time", "Agendas sent on time", "Of agendas already due: ≥ 7 days before each day (000:L2674)."
    ),
]
MIX_STATUSES = (Cohort.Status.CONFIRMED, Cohort.Status.DELIVERED)


def PROVIDER(cohorts: list[Cohort], context: MeasureContext) -> dict[int, dict]:
    values: dict[int, dict] = {cohort.pk: _status_values(cohort, context) for cohort in cohorts}
    _add_mix(values, [cohort.pk for cohort in cohorts], context)
    _add_preparation(values, context.places)
    _add_messages(values, context.places, context)
    return values


def _status_values(cohort: Cohort, context: MeasureContext) -> dict:
    return {
        "delivered": (int(cohort.status == Cohort.Status.DELIVERED), None),
        "cancelled": (int(cohort.status == Cohort.Status.CANCELLED), None),
        "at_risk": (int(cohort.is_at_risk(rules=context.rules, today=context.today)), None),
        "mix_overridden": (int(bool(cohort.mix_override_reason.strip())), None),
    }


def _add_mix(values: dict, ids: list[int], context: MeasureContext) -> None:
    in_scope = Cohort.objects.filter(pk__in=ids, status__in=MIX_STATUSES).only("title", "region__name")
    for region in regional_mix_summary(in_scope, context.rules):
        for cohort, report in region.rows:
            values[cohort.pk]["mix_met"] = (int(report.meets_rule), 1)


def _add_preparation(values: dict, registrations: list[Registration]) -> None:
    counts = defaultdict(lambda: [0, 0])
    for registration in registrations:
        if registration.needs_preparation:
            preparation = getattr(registration, "preparation", None)
            counts[registration.cohort_id][0] += int(preparation is not None and not preparation.missing_steps())
            counts[registration.cohort_id][1] += 1
    for cohort_id, (done, out_of) in counts.items():
        values[cohort_id]["family_prepared"] = (done, out_of)


def _add_messages(values: dict, registrations: list[Registration], context: MeasureContext) -> None:
    """Which packs and agendas were due is `messages_due`'s rule (events), worked out from the days
    already loaded; the database gives only the day each was sent, as a date in the site's time zone."""
    due = [
        item
        for registration in registrations
        for item in messages_due(registration, rules=context.rules)
        if item.due_on < context.today
    ]
    sent_on = _sent_on({registration.cohort_id for registration in registrations}) if due else {}
    counts = defaultdict(lambda: {"packs_on_time": [0, 0], "agendas_on_time": [0, 0]})
    for item in due:
        measure = "packs_on_time" if item.message == messages.PRE_COURSE_PACK else "agendas_on_time"
        # Someone who registered after the deadline is on time if theirs went the day they registered.
        deadline = max(item.due_on, localdate(item.registration.registered_at))
        sent = sent_on.get(item.key)
        counts[item.registration.cohort_id][measure][0] += int(sent is not None and sent <= deadline)
        counts[item.registration.cohort_id][measure][1] += 1
    for cohort_id, pairs in counts.items():
        for measure, (done, out_of) in pairs.items():
            values[cohort_id][measure] = (done, out_of)


def _sent_on(cohort_ids: set[int]) -> dict[str, object]:
    """{notification key: the day it was sent} for the packs and agendas of people with a confirmed
    place on these cohorts: one aggregate joined to their registrations, dated in SQL in the site's
    time zone (the keys name the registration and day, `events.messages`)."""
    return dict(
        Notification.objects.filter(
            status=Notification.Status.SENT,
            message__in=(messages.PRE_COURSE_PACK, messages.AGENDA),
            recipient__registrations__cohort_id__in=cohort_ids,
            recipient__registrations__status=Registration.Status.CONFIRMED,
        )
        .values_list("key")
        .annotate(sent_on=Min(TruncDate("sent_at")))
        .order_by()
    )
