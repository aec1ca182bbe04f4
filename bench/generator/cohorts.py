"""Venues, cohorts over three years with their sessions, and the trainers on each.

Two years of delivered cohorts and one year ahead, in every region in proportion to its local
authorities: Day 1 and Day 2 (most), Day 2 only, and Training for Trainers. Status follows the date
as the services would have left it: delivered in the past, confirmed or recruiting ahead, drafts
far ahead, and a few cancelled.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from bench import accounts
from bench.generator.base import Context, bulk
from core.roles import Role as PersonRole
from courses.models import CoursePage
from events.models import CalendarFeed, Cohort, Session, Venue

SEASONS = ((3, "spring"), (6, "summer"), (9, "autumn"), (12, "winter"))
PAST_DAYS, FUTURE_DAYS = 730, 365


@dataclass
class CohortPlan:
    """What the registrations step needs to know about a cohort without querying it again."""

    cohort: Cohort
    sessions: list[Session] = field(default_factory=list)

    @property
    def start(self) -> datetime.date:
        return self.sessions[0].date

    @property
    def end(self) -> datetime.date:
        return self.sessions[-1].date


def _courses() -> dict[str, CoursePage]:
    courses = {f"{course.kind}{course.variant}": course for course in CoursePage.objects.all()}
    missing = {"day1", "day2kwip", "day2wip", "t4t"} - courses.keys()
    if missing:
        raise RuntimeError(f"No course pages {sorted(missing)}: run `manage.py bootstrap --no-demo` first.")
    return courses


def _status(ctx: Context, start: datetime.date, end: datetime.date, today: datetime.date) -> str:
    if ctx.rng.random() < 0.04:
        return Cohort.Status.CANCELLED
    if end < today:
        return Cohort.Status.DELIVERED
    if start <= today:
        return Cohort.Status.CONFIRMED
    days_ahead = (start - today).days
    if days_ahead < 45:
        return Cohort.Status.CONFIRMED if ctx.rng.random() < 0.6 else Cohort.Status.RECRUITING
    if days_ahead < 200:
        return Cohort.Status.RECRUITING
    return Cohort.Status.RECRUITING if ctx.rng.random() < 0.5 else Cohort.Status.DRAFT


def _days(ctx: Context, path: str, courses: dict, start: datetime.date) -> list[tuple[CoursePage, datetime.date]]:
    if path == Cohort.Path.FULL:
        variant = "day2kwip" if ctx.rng.random() < 0.6 else "day2wip"
        return [(courses["day1"], start), (courses[variant], start + datetime.timedelta(days=ctx.rng.randint(14, 35)))]
    if path == Cohort.Path.DAY2_ONLY:
        return [(courses["day2kwip" if ctx.rng.random() < 0.6 else "day2wip"], start)]
    return [(courses["t4t"], start), (courses["t4t"], start + datetime.timedelta(days=1))]


def make_venues(ctx: Context) -> None:
    regions, authorities = ctx.made["regions"], ctx.made["authorities"]
    with ctx.step("venues"):
        venues = []
        for n in range(max(len(regions) * 2, ctx.plan.count("venues"))):
            region = regions[n % len(regions)]
            authority = ctx.rng.choice(authorities[region.pk])
            venues.append(
                Venue(
                    name=f"{authority.name} Family Centre {n}",
                    region=region,
                    address=f"{ctx.rng.randint(1, 200)} High Street\n{authority.name}",
                    postcode=f"AB{ctx.rng.randint(1, 99)} {ctx.rng.randint(1, 9)}CD",
                    accessibility="Step-free access, accessible toilet, hearing loop, quiet room.",
                    travel="Bus stop outside; blue badge parking at the front.",
                    capacity=ctx.rng.choice([20, 24, 30, 40]),
                )
            )
        ctx.made["venues_by_region"] = {region.pk: [] for region in regions}
        for venue in bulk(ctx, Venue, venues):
            ctx.made["venues_by_region"][venue.region_id].append(venue)


def make_cohorts(ctx: Context) -> None:
    courses, regions = _courses(), ctx.made["regions"]
    authorities = ctx.made["authorities"]
    weights = [len(authorities[region.pk]) for region in regions]
    today = timezone.localdate()
    with ctx.step("cohorts and sessions"):
        plans = []
        for n in range(ctx.plan.count("cohorts", 20)):
            region = ctx.rng.choices(regions, weights)[0]
            authority = ctx.rng.choice(authorities[region.pk])
            venue = ctx.rng.choice(ctx.made["venues_by_region"][region.pk])
            draw = ctx.rng.random()
            path = Cohort.Path.FULL if draw < 0.82 else Cohort.Path.DAY2_ONLY if draw < 0.92 else Cohort.Path.T4T
            start = today + datetime.timedelta(days=ctx.rng.randint(-PAST_DAYS, FUTURE_DAYS))
            days = _days(ctx, path, courses, start)
            season = next(name for month, name in SEASONS if start.month <= month)
            cohort = Cohort(
                title=f"{authority.name}, {season} {start.year} ({n + 1})",
                path=path,
                region=region,
                local_authority=authority,
                venue=venue,
                capacity=min(venue.capacity, ctx.rng.choice([14, 16, 16, 18, 18, 20, 20])),
                local_details="Lunch is provided. Ask for the training room at reception.",
                status=_status(ctx, days[0][1], days[-1][1], today),
            )
            if cohort.status == Cohort.Status.CANCELLED:
                cohort.cancelled_reason = "Too few registrations"
            plan = CohortPlan(cohort=cohort)
            plan.sessions = [Session(course=course, date=date) for course, date in days]
            plans.append(plan)
        bulk(ctx, Cohort, [plan.cohort for plan in plans])
        for plan in plans:
            for session in plan.sessions:
                session.cohort = plan.cohort
        bulk(ctx, Session, [session for plan in plans for session in plan.sessions])
        ctx.made["cohorts"] = plans


def _team_pools(ctx: Context) -> dict:
    """Per region, who may take each role (trainers.services.rostering): active Lead Trainers lead;
    accredited trainers, and trainees whose shadowing is signed off, co-train; T4T graduates shadow."""
    stages = ctx.made.get("trainer_stage", {})
    pools = {}
    for region_id, trainers in ctx.made["trainers_by_region"].items():
        pool = {"lead": [], "co_trainer": [], "shadow": []}
        for trainer in trainers:
            stage, standing = stages.get(trainer.pk, ("lead", "active"))
            if standing != "active":
                continue
            if stage == "lead":
                pool["lead"].append(trainer)
            if stage in ("lead", "accredited", "shadowed"):
                pool["co_trainer"].append(trainer)
            if stage == "t4t_completed":
                pool["shadow"].append(trainer)
        pools[region_id] = pool
    return pools


def make_teams(ctx: Context) -> None:
    """A lead and a co-trainer on every cohort, a shadow on some; trainees on delivered cohorts have
    reflected and been signed off by their lead; the feed trainer is on 100 two-day cohorts."""
    from trainers.models import DeliveryAssignment, DeliveryChecklist

    Role = DeliveryAssignment.Role
    plans, pools = ctx.made["cohorts"], _team_pools(ctx)
    stages = ctx.made.get("trainer_stage", {})
    today = timezone.localdate()
    with ctx.step("delivery assignments and checklists"):
        rows = []
        for plan in plans:
            pool = pools[plan.cohort.region_id]
            team = {}
            for role, chance in ((Role.LEAD, 1), (Role.CO_TRAINER, 1), (Role.SHADOW, 0.3)):
                candidates = [t for t in pool[role] if t.pk not in team]
                if candidates and ctx.rng.random() < chance:
                    team[ctx.rng.choice(candidates).pk] = role
            lead = next((pk for pk, role in team.items() if role == Role.LEAD), None)
            for trainer_id, role in team.items():
                assignment = DeliveryAssignment(cohort=plan.cohort, trainer_id=trainer_id, role=role)
                trainee = role == Role.SHADOW or stages.get(trainer_id, ("lead",))[0] == "shadowed"
                if trainee and plan.cohort.status == Cohort.Status.DELIVERED and ctx.rng.random() < 0.85:
                    done = timezone.make_aware(datetime.datetime.combine(plan.end, datetime.time(17)))
                    assignment.reflection = "The group worked well; I want to practise the timings of section 3."
                    assignment.reflected_at = done + datetime.timedelta(days=2)
                    if lead and ctx.rng.random() < 0.8:
                        assignment.signed_off_by_id = lead
                        assignment.signed_off_at = done + datetime.timedelta(days=9)
                rows.append(assignment)
        # Bench trainers (interchangeable): the same eight cohorts in every state, so their pages show a mix.
        for trainer in ctx.made["bench"][PersonRole.TRAINER]:
            for plan in plans[:: max(1, len(plans) // 8)][:8]:
                rows.append(DeliveryAssignment(cohort=plan.cohort, trainer=trainer, role=Role.CO_TRAINER))
        feed_trainer, sessions = ctx.made["feed_trainer"], 0
        for plan in plans:
            if sessions >= accounts.FEED_SESSIONS:
                break
            if plan.cohort.status != Cohort.Status.CANCELLED and len(plan.sessions) == 2:
                rows.append(DeliveryAssignment(cohort=plan.cohort, trainer=feed_trainer, role=Role.CO_TRAINER))
                sessions += 2
        ctx.made["feed_sessions"] = sessions
        assignments = bulk(ctx, DeliveryAssignment, rows)
        ctx.made["teams"] = {}
        for assignment in assignments:  # who participants rate: leads and co-trainers, not shadows
            if assignment.role != Role.SHADOW:
                ctx.made["teams"].setdefault(assignment.cohort_id, []).append(assignment.trainer_id)
        starts = {plan.cohort.pk: plan.start for plan in plans}
        bulk(
            ctx,
            DeliveryChecklist,
            (
                DeliveryChecklist(
                    assignment=assignment,
                    introduction_reread_on=today - datetime.timedelta(days=ctx.rng.randint(1, 20)),
                    guide_reviewed=True,
                    time_plan_drafted=ctx.rng.random() < 0.7,
                    local_materials_gathered=ctx.rng.random() < 0.5,
                )
                for assignment in assignments
                if starts[assignment.cohort_id] > today and ctx.rng.random() < 0.5
            ),
        )
        CalendarFeed.objects.create(person=feed_trainer)
        ctx.rows += 1
