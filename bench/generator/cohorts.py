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


def make_teams(ctx: Context) -> None:
    """A lead and a co-trainer on every cohort, a shadow on some; the feed trainer on 100 two-day cohorts."""
    from trainers.models import DeliveryAssignment

    Role = DeliveryAssignment.Role
    plans, by_region = ctx.made["cohorts"], ctx.made["trainers_by_region"]
    with ctx.step("delivery assignments"):
        rows = []
        for plan in plans:
            pool = by_region[plan.cohort.region_id]
            team = ctx.rng.sample(pool, min(len(pool), 3))
            roles = [Role.LEAD, Role.CO_TRAINER] + ([Role.SHADOW] if ctx.rng.random() < 0.3 else [])
            rows += [
                DeliveryAssignment(cohort=plan.cohort, trainer=trainer, role=role)
                for trainer, role in zip(team, roles, strict=False)
            ]
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
        bulk(ctx, DeliveryAssignment, rows, ignore_conflicts=True)
        CalendarFeed.objects.create(person=feed_trainer)
        ctx.rows += 1
