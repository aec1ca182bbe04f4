"""Cohort figures: run, cancelled, at risk; the mix; parents prepared; packs and agendas on time."""

from collections import defaultdict

from django.db.models import Prefetch
from django.utils.timezone import localdate

from core.models import Notification
from events.models import Cohort, Registration, Session
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
    ids = [cohort.pk for cohort in cohorts]
    values: dict[int, dict] = {cohort.pk: _status_values(cohort, context) for cohort in cohorts}
    _add_mix(values, ids, context)
    registrations = _confirmed_registrations(ids)
    _add_preparation(values, registrations)
    _add_messages(values, registrations, context)
    return values


def _status_values(cohort: Cohort, context: MeasureContext) -> dict:
    return {
        "delivered": (int(cohort.status == Cohort.Status.DELIVERED), None),
        "cancelled": (int(cohort.status == Cohort.Status.CANCELLED), None),
        "at_risk": (int(cohort.is_at_risk(rules=context.rules, today=context.today)), None),
        "mix_overridden": (int(bool(cohort.mix_override_reason.strip())), None),
    }


def _add_mix(values: dict, ids: list[int], context: MeasureContext) -> None:
    in_scope = Cohort.objects.filter(pk__in=ids, status__in=MIX_STATUSES)
    for region in regional_mix_summary(in_scope, context.rules):
        for cohort, report in region.rows:
            values[cohort.pk]["mix_met"] = (int(report.meets_rule), 1)


def _confirmed_registrations(ids: list[int]) -> list[Registration]:
    sessions = Prefetch("sessions", queryset=Session.objects.select_related("course").order_by("date", "starts_at"))
    return list(
        Registration.objects.filter(cohort_id__in=ids, status=Registration.Status.CONFIRMED)
        .select_related("preparation")
        .prefetch_related(
            Prefetch("cohort", queryset=Cohort.objects.prefetch_related(sessions)),
            Prefetch("day1_cohort", queryset=Cohort.objects.prefetch_related(sessions)),
        )
    )


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
    due = [
        item
        for registration in registrations
        for item in messages_due(registration, rules=context.rules)
        if item.due_on < context.today
    ]
    sent_on = {
        (message, recipient_id, key): localdate(sent_at)
        for message, recipient_id, key, sent_at in Notification.objects.filter(
            status=Notification.Status.SENT,
            message__in={item.message for item in due},
            recipient_id__in={item.registration.person_id for item in due},
        ).values_list("message", "recipient_id", "key", "sent_at")
    }
    counts = defaultdict(lambda: {"packs_on_time": [0, 0], "agendas_on_time": [0, 0]})
    for item in due:
        measure = "packs_on_time" if item.message.endswith("pre_course_pack") else "agendas_on_time"
        # Someone who registered after the deadline is on time if theirs went the day they registered.
        deadline = max(item.due_on, localdate(item.registration.registered_at))
        sent = sent_on.get((item.message, item.registration.person_id, item.key))
        counts[item.registration.cohort_id][measure][0] += int(sent is not None and sent <= deadline)
        counts[item.registration.cohort_id][measure][1] += 1
    for cohort_id, pairs in counts.items():
        for measure, (done, out_of) in pairs.items():
            values[cohort_id][measure] = (done, out_of)
