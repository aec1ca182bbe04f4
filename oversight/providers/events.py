"""Cohort figures: run, cancelled, at risk; the mix; parents prepared; packs and agendas on time."""

from collections import defaultdict

from django.db.models import Min
from django.db.models.functions import TruncDate

from core.models import Notification
from events import messages
from events.models import Cohort, Preparation, Registration
from events.models.choices import FAMILY_SIDE, CancellationReason
from events.selectors.at_risk import cohorts_at_risk
from events.selectors.deadlines import messages_due
from events.selectors.mix import regional_mix_summary
from oversight.measures import MeasureContext, MeasureDefinition
from oversight.providers.places import DayGroup, Place

DEFINITIONS = [
    MeasureDefinition("delivered", "Cohorts delivered", share=False),
    MeasureDefinition("cancelled", "Cohorts cancelled", share=False),
    #: Cancellations counted by reason (issue #21 point 3; too few registrations, 000:L489–491).
    *[
        MeasureDefinition(f"cancelled_{reason.value}", f"Cancelled: {reason.label.lower()}", share=False)
        for reason in CancellationReason
    ],
    MeasureDefinition(
        "at_risk",
        "Cohorts at risk",
        "Open cohorts starting soon with something to put right, as the dashboards list them.",
        share=False,
    ),
    MeasureDefinition("mix_met", "Confirmed or delivered cohorts meeting the mix rule"),
    MeasureDefinition("mix_overridden", "Cohorts confirmed with a mix override", share=False),
    MeasureDefinition(
        "family_prepared", "Parent carers and young people prepared", "Of those with a confirmed place."
    ),  # DOMAIN.md §5
    MeasureDefinition(
        "packs_on_time",
        "Pre-course packs sent on time",
        "Of packs already due: ≥ 14 days before Day 1.",  # 000:L2670
    ),
    MeasureDefinition(
        "agendas_on_time",
        "Agendas sent on time",
        "Of agendas already due: ≥ 7 days before each day.",  # 000:L2674
    ),
]
MIX_STATUSES = (Cohort.Status.CONFIRMED, Cohort.Status.DELIVERED)
#: What `Preparation.missing_steps` reads.
PREPARATION_FIELDS = (
    "support_contact",
    "conversation_done",
    "venue_checked",
    "planned_session_id",
    "planned_activity",
    "registration__applying_as",
    "registration__cohort_id",
)


def PROVIDER(cohorts: list[Cohort], context: MeasureContext) -> dict[int, dict]:
    values: dict[int, dict] = {cohort.pk: _status_values(cohort, context) for cohort in cohorts}
    _add_at_risk(values, [cohort.pk for cohort in cohorts], context)
    _add_mix(values, [cohort.pk for cohort in cohorts], context)
    _add_preparation(values, [cohort.pk for cohort in cohorts], context.places)
    _add_messages(values, context.places, context)
    return values


def _status_values(cohort: Cohort, context: MeasureContext) -> dict:
    return {
        "delivered": (int(cohort.status == Cohort.Status.DELIVERED), None),
        "cancelled": (int(cohort.status == Cohort.Status.CANCELLED), None),
        **{
            f"cancelled_{reason.value}": (int(cohort.cancellation_reason == reason), None)
            for reason in CancellationReason
        },
        "at_risk": (0, None),
        "mix_overridden": (int(bool(cohort.mix_override_reason.strip())), None),
    }


def _add_at_risk(values: dict, ids: list[int], context: MeasureContext) -> None:
    """At risk as the dashboards and the cohort listing's filter say it (`events.selectors.at_risk`),
    so the programme's figure and its list of cohorts to put right always agree."""
    for item in cohorts_at_risk(Cohort.objects.filter(pk__in=ids), rules=context.rules, today=context.today):
        values[item.cohort.pk]["at_risk"] = (1, None)


def _add_mix(values: dict, ids: list[int], context: MeasureContext) -> None:
    in_scope = Cohort.objects.filter(pk__in=ids, status__in=MIX_STATUSES).only("title", "region__name")
    for region in regional_mix_summary(in_scope, context.rules):
        for cohort, report in region.rows:
            values[cohort.pk]["mix_met"] = (int(report.meets_rule), 1)


def _add_preparation(values: dict, ids: list[int], groups: list[DayGroup]) -> None:
    """Of the family side's places (`Registration.needs_preparation`), those whose preparation has no
    missing step (`Preparation.missing_steps`)."""
    counts = defaultdict(lambda: [0, 0])
    for group in groups:
        for place in group.places:
            counts[place.cohort_id][1] += place.applying_as in FAMILY_SIDE
    preparations = Preparation.objects.filter(
        registration__cohort_id__in=ids,
        registration__status=Registration.Status.CONFIRMED,
        registration__applying_as__in=FAMILY_SIDE,
    ).select_related("registration")
    for preparation in preparations.only(*PREPARATION_FIELDS):
        counts[preparation.registration.cohort_id][0] += not preparation.missing_steps()
    for cohort_id, (done, out_of) in counts.items():
        if out_of:
            values[cohort_id]["family_prepared"] = (done, out_of)


def _add_messages(values: dict, groups: list[DayGroup], context: MeasureContext) -> None:
    """Which packs and agendas were due, and when, is `messages_due`'s rule (events), worked out once
    a group of places coming to the same days; each person's message is named by its key
    (`events.messages`). The database gives only the day each was sent."""
    counts = defaultdict(lambda: {"packs_on_time": [0, 0], "agendas_on_time": [0, 0]})
    due_by_group = [
        (group, due)
        for group in groups
        if (due := [item for item in messages_due(group.example, rules=context.rules) if item.due_on < context.today])
    ]
    sent_on = _sent_on({group.example.cohort_id for group, _ in due_by_group}) if due_by_group else {}
    for group, due in due_by_group:
        for place in group.places:
            for item in due:
                pack = item.message == messages.PRE_COURSE_PACK
                sent = sent_on.get(_key(place, item, pack))
                # Someone who registered after the deadline is on time if theirs went the day they registered.
                on_time = sent is not None and sent <= max(item.due_on, place.registered_on)
                pair = counts[place.cohort_id]["packs_on_time" if pack else "agendas_on_time"]
                pair[0] += int(on_time)
                pair[1] += 1
    for cohort_id, pairs in counts.items():
        for measure, (done, out_of) in pairs.items():
            values[cohort_id][measure] = (done, out_of)


def _key(place: Place, item, pack: bool) -> str:
    return messages.registration_key(place) if pack else messages.session_key(place, item.session)


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
