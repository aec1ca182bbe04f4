"""Registrations with the participant form's answers, Day 1 completions, preparation, offers and the
messages already sent, as the services would have left them (written in bulk, not through them).

Past cohorts are full; cohorts ahead fill as their date nears, with waiting lists on the popular
ones. Everyone confirmed on a past cohort has had their confirmation, pre-course pack and agendas;
for cohorts ahead, what fell due before today has been sent, so the daily sweep has today's work.
"""

import datetime

from django.utils import timezone

from bench.generator.base import Context, bulk
from bench.generator.cohorts import CohortPlan
from bench.generator.names import ORGANISATION_KINDS
from core.models import Notification
from core.roles import Role
from events import messages
from events.models import Cohort, Day1Completion, PlaceOffer, Preparation, Registration
from events.models.choices import (
    FAMILY_SIDE,
    AgeBand,
    ApplyingAs,
    Ethnicity,
    Experience,
    HowHeard,
    Relation,
    Sex,
    WorkSetting,
    YearsExperience,
)

APPLYING_AS = (
    (ApplyingAs.PROFESSIONAL, 70),
    (ApplyingAs.PARENT_CARER, 15),
    (ApplyingAs.BOTH, 7),
    (ApplyingAs.YOUNG_PERSON, 3),
    (ApplyingAs.FAMILY_MEMBER, 5),
)
PACK_DAYS, AGENDA_DAYS = 14, 7


def _answers(ctx: Context, authority_name: str) -> dict:
    rng = ctx.rng
    applying_as = rng.choices([a for a, _ in APPLYING_AS], [w for _, w in APPLYING_AS])[0]
    answers = {
        "applying_as": applying_as,
        "experience": rng.choice(Experience.values),
        "years_experience": rng.choice(YearsExperience.values),
        "how_heard": rng.choice(HowHeard.values),
        "accredited_route": rng.random() < 0.1,
        "ethnicity": rng.choice(["", *Ethnicity.values]),
        "sex": rng.choice(["", *Sex.values]),
        "age_band": rng.choice(["", *AgeBand.values]),
        "access_needs": "Step-free access, please." if rng.random() < 0.05 else "",
    }
    if applying_as in (ApplyingAs.PROFESSIONAL, ApplyingAs.BOTH):
        kind, organisation_type, sectors = rng.choice(ORGANISATION_KINDS)
        answers.update(
            sectors=sectors,
            organisation=f"{authority_name} {kind}",
            organisation_type=organisation_type,
            job_title=rng.choice(["Teacher", "Health visitor", "Social worker", "SENCO", "Family support worker"]),
            work_setting=rng.choice([WorkSetting.MAINSTREAM, WorkSetting.SPECIAL]),
        )
    if applying_as == ApplyingAs.PROFESSIONAL:
        answers["relation_to_child"] = Relation.NOT_APPLICABLE
    elif applying_as == ApplyingAs.YOUNG_PERSON:
        answers["relation_to_child"] = Relation.SELF
    else:
        answers["relation_to_child"] = rng.choice([Relation.PARENT, Relation.GRANDPARENT, Relation.SIBLING])
    return answers


def _counts(ctx: Context, plan: CohortPlan, today: datetime.date) -> dict[str, int]:
    """How many people in each status, by the cohort's state and how close it is."""
    cohort, rng = plan.cohort, ctx.rng
    if cohort.status == Cohort.Status.DRAFT:
        return {}
    if cohort.status == Cohort.Status.CANCELLED:
        return {Registration.Status.CANCELLED: rng.randint(0, 6)}
    if cohort.status == Cohort.Status.DELIVERED or plan.start <= today:
        return {Registration.Status.CONFIRMED: cohort.capacity - rng.randint(0, 2), "cancelled": rng.randint(0, 3)}
    nearness = 1 - (plan.start - today).days / 365
    confirmed = min(cohort.capacity, round(cohort.capacity * (0.2 + 0.8 * nearness * rng.random() + 0.3 * nearness)))
    counts = {Registration.Status.CONFIRMED: confirmed, "cancelled": rng.randint(0, 2)}
    if confirmed == cohort.capacity and rng.random() < 0.6:
        counts[Registration.Status.WAITING] = rng.randint(1, 6)
        if rng.random() < 0.2:
            counts[Registration.Status.CONFIRMED] -= 1
            counts[Registration.Status.OFFERED] = 1
    return counts


def _people(ctx: Context):
    """Participants in turn; when everyone has a registration, some register again on a later cohort."""
    participants = ctx.made["participants"]
    while True:
        yield from participants


def make_registrations(ctx: Context) -> None:
    today = timezone.localdate()
    names = {authority.pk: authority.name for group in ctx.made["authorities"].values() for authority in group}
    people = _people(ctx)
    with ctx.step("registrations"):
        rows = []
        for plan in ctx.made["cohorts"]:
            for status, count in _counts(ctx, plan, today).items():
                for _ in range(count):
                    registered = plan.start - datetime.timedelta(days=ctx.rng.randint(20, 150))
                    rows.append(
                        Registration(
                            cohort=plan.cohort,
                            person=next(people),
                            status=status,
                            registered_at=timezone.make_aware(datetime.datetime.combine(registered, datetime.time(10))),
                            cancelled_reason="Cannot come after all" if status == "cancelled" else "",
                            **_answers(ctx, names[plan.cohort.local_authority_id]),
                        )
                    )
        rows += _bench_participants(ctx, today)
        ctx.made["registrations"] = bulk(ctx, Registration, rows)
    _day1(ctx, today)
    _preparation_and_offers(ctx, today)
    _notifications(ctx, today)


def _bench_participants(ctx: Context, today: datetime.date) -> list[Registration]:
    """Each bench participant: a past course, and a place on one coming up (their pages have content)."""
    plans = ctx.made["cohorts"]
    past = [p for p in plans if p.cohort.status == Cohort.Status.DELIVERED and p.cohort.path == Cohort.Path.FULL]
    ahead = [p for p in plans if p.cohort.status == Cohort.Status.RECRUITING and p.cohort.path == Cohort.Path.FULL]
    rows = []
    for index, person in enumerate(ctx.made["bench"][Role.PARTICIPANT]):
        for group in (past, ahead):
            if group:
                plan = group[index % len(group)]
                rows.append(
                    Registration(
                        cohort=plan.cohort,
                        person=person,
                        status=Registration.Status.CONFIRMED,
                        **_answers(ctx, "Bench"),
                    )
                )
    return rows


def _day1(ctx: Context, today: datetime.date) -> None:
    """Day 1 attended on every delivered two-day cohort; earlier Day 1s recorded for Day-2-only people."""
    plans = {plan.cohort.pk: plan for plan in ctx.made["cohorts"]}
    with ctx.step("Day 1 completions"):
        done = {}
        for registration in ctx.made["registrations"]:
            if registration.status != Registration.Status.CONFIRMED or registration.person_id in done:
                continue
            plan = plans[registration.cohort_id]
            if plan.cohort.path == Cohort.Path.FULL and plan.start < today:
                done[registration.person_id] = Day1Completion(
                    person_id=registration.person_id,
                    kind=Day1Completion.Kind.ATTENDED,
                    completed_on=plan.start,
                    cohort=plan.cohort,
                )
            elif plan.cohort.path == Cohort.Path.DAY2_ONLY:
                done[registration.person_id] = Day1Completion(
                    person_id=registration.person_id,
                    kind=Day1Completion.Kind.EQUIVALENT,
                    completed_on=plan.start - datetime.timedelta(days=180),
                    note="Day 1 with the local authority before the platform",
                )
        bulk(ctx, Day1Completion, done.values())


def _preparation_and_offers(ctx: Context, today: datetime.date) -> None:
    with ctx.step("preparation and open offers"):
        preparations, offers = [], []
        for registration in ctx.made["registrations"]:
            if registration.status == Registration.Status.OFFERED:
                offers.append(
                    PlaceOffer(
                        registration=registration,
                        expires_at=timezone.now() + datetime.timedelta(hours=ctx.rng.randint(1, 48)),
                    )
                )
            if registration.applying_as in FAMILY_SIDE and registration.status != "cancelled":
                ready = ctx.rng.random() < 0.7
                preparations.append(
                    Preparation(
                        registration=registration,
                        support_contact="Family support worker" if ready else "",
                        conversation_done=ready,
                        venue_checked=ready or ctx.rng.random() < 0.5,
                    )
                )
        bulk(ctx, Preparation, preparations)
        bulk(ctx, PlaceOffer, offers)


def _notifications(ctx: Context, today: datetime.date) -> None:
    """What was already sent: confirmations, waiting-list messages, and packs and agendas due before today."""
    plans = {plan.cohort.pk: plan for plan in ctx.made["cohorts"]}
    sent_at = timezone.now() - datetime.timedelta(days=1)

    def row(registration, message: str, key: str) -> Notification:
        return Notification(
            recipient_id=registration.person_id,
            message=message,
            key=key,
            subject="Early Support training: generated for the benchmark",
            body_text="This message was generated for the national-scale benchmark.",
            status=Notification.Status.SENT,
            attempts=1,
            sent_at=sent_at,
        )

    def rows():
        for registration in ctx.made["registrations"]:
            key = messages.registration_key(registration)
            if registration.status == Registration.Status.WAITING:
                yield row(registration, messages.WAITING_LIST, key)
            if registration.status != Registration.Status.CONFIRMED:
                continue
            yield row(registration, messages.REGISTRATION_CONFIRMED, key)
            plan = plans[registration.cohort_id]
            if plan.start - datetime.timedelta(days=PACK_DAYS) < today:
                yield row(registration, messages.PRE_COURSE_PACK, key)
            for session in plan.sessions:
                if session.date - datetime.timedelta(days=AGENDA_DAYS) < today:
                    yield row(registration, messages.AGENDA, messages.session_key(registration, session))

    with ctx.step("notifications already sent"):
        bulk(ctx, Notification, rows())
