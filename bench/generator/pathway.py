"""The trainer pathway (issue #5): a profile for every trainer at a stage from applicant to Lead
Trainer, the steps that got them there, their application with a statement per criterion, and
their Training for Trainers place. Written in bulk, as `trainer_record_existing` would leave them.

Stages at scale 1 (1,500 trainers): about a quarter Lead Trainers, a fifth accredited, the rest on
the way, a few suspended or withdrawn. Delivery teams (`cohorts.make_teams`) draw on these stages.
"""

import datetime

from django.utils import timezone

from bench.generator.base import Context, bulk
from core.roles import Role as PersonRole
from events.models import Cohort

STAGES = (
    ("applicant", 5),
    ("in_pool", 12),
    ("t4t_completed", 13),
    ("shadowed", 10),
    ("co_trained", 10),
    ("accredited", 22),
    ("lead", 25),
    ("declined", 3),
)


def make_pathway(ctx: Context) -> None:
    from courses.models import PersonSpecificationCriterion
    from trainers.models import Application, CriterionStatement, PathwayStep, T4TPlace, TrainerProfile
    from trainers.models.choices import PATHWAY, Background, Standing, TrainingExperience

    rng, made = ctx.rng, ctx.made
    now = timezone.now()
    trainers = [(trainer, region_id) for region_id, pool in made["trainers_by_region"].items() for trainer in pool]
    bench = [(trainer, made["regions"][0].pk) for trainer in made["bench"][PersonRole.TRAINER]]
    bench.append((made["feed_trainer"], made["regions"][0].pk))
    with ctx.step("trainer profiles and pathway steps"):
        profiles = []
        for trainer, region_id in trainers + bench:
            stage = rng.choices([s for s, _ in STAGES], [w for _, w in STAGES])[0]
            if (trainer, region_id) in bench:
                stage = "lead"
            standing = Standing.ACTIVE
            if stage in ("accredited", "lead") and rng.random() < 0.04:
                standing = rng.choice([Standing.SUSPENDED, Standing.WITHDRAWN])
            profiles.append(
                TrainerProfile(
                    person=trainer,
                    region_id=region_id,
                    background=rng.choices(Background.values, [70, 15, 10, 5])[0],
                    training_experience=rng.choice(TrainingExperience.values),
                    stage=stage,
                    standing=standing,
                    standing_reason="Paused at their request" if standing != Standing.ACTIVE else "",
                    created_at=now - datetime.timedelta(days=rng.randint(60, 1400)),
                )
            )
        profiles = bulk(ctx, TrainerProfile, profiles)
        by_stage = {}
        for profile in profiles:
            by_stage.setdefault((profile.region_id, profile.stage), []).append(profile)
        leads = {region.pk: [p.person for p in by_stage.get((region.pk, "lead"), [])] for region in made["regions"]}
        for profile in profiles:
            if profile.stage in ("t4t_completed", "shadowed", "co_trained") and leads[profile.region_id]:
                profile.mentor = rng.choice(leads[profile.region_id])
        TrainerProfile.objects.bulk_update([p for p in profiles if p.mentor_id], ["mentor"], batch_size=2000)

        def steps():
            for profile in profiles:
                path = ["declined"] if profile.stage == "declined" else PATHWAY[: PATHWAY.index(profile.stage) + 1]
                when = profile.created_at
                for stage in path:
                    yield PathwayStep(
                        profile=profile, action="import" if stage == path[0] else stage, stage=stage,
                        standing=Standing.ACTIVE, happened_at=when,
                    )  # fmt: skip
                    when += datetime.timedelta(days=rng.randint(20, 120))
                if profile.standing != Standing.ACTIVE:
                    yield PathwayStep(
                        profile=profile, action="suspend", stage=profile.stage, standing=profile.standing,
                        happened_at=when, note=profile.standing_reason,
                    )  # fmt: skip

        bulk(ctx, PathwayStep, steps())
        made["profiles"] = profiles
        made["trainer_stage"] = {p.person_id: (p.stage, p.standing) for p in profiles}

    with ctx.step("applications with a statement per criterion"):
        criteria = list(PersonSpecificationCriterion.objects.all())
        applications = bulk(
            ctx,
            Application,
            (
                Application(
                    profile=profile,
                    cv=f"bench/cv-{profile.pk}.pdf",
                    status={"applicant": "submitted", "declined": "declined"}.get(profile.stage, "accepted"),
                    decided_at=None if profile.stage == "applicant" else profile.created_at,
                    submitted_at=profile.created_at,
                    decline_reasons="Not enough experience of working with families yet."
                    if profile.stage == "declined"
                    else "",
                )
                for profile in profiles
            ),
        )
        bulk(
            ctx,
            CriterionStatement,
            (
                CriterionStatement(
                    application=application,
                    criterion=criterion,
                    criterion_wording=criterion.text,
                    statement="I have worked alongside families and colleagues from other agencies for years.",
                )
                for application in applications
                for criterion in criteria
            ),
        )

    with ctx.step("Training for Trainers places"):
        today = timezone.localdate()
        t4t = [plan for plan in made["cohorts"] if plan.cohort.path == Cohort.Path.T4T]
        done = [p for p in t4t if p.cohort.status == Cohort.Status.DELIVERED]
        ahead = [p for p in t4t if p.cohort.status in Cohort.OPEN_STATUSES and p.start > today]
        places, seats = [], {}
        for profile in profiles:
            trained = profile.stage not in ("applicant", "in_pool", "declined")
            options = done if trained else ahead if profile.stage == "in_pool" and rng.random() < 0.5 else []
            candidates = [p for p in options if seats.get(p.cohort.pk, 0) < p.cohort.capacity]
            if not candidates:
                continue
            plan = rng.choice(candidates)
            seats[plan.cohort.pk] = seats.get(plan.cohort.pk, 0) + 1
            places.append(
                T4TPlace(
                    cohort=plan.cohort,
                    profile=profile,
                    group_number=seats[plan.cohort.pk] % 4 + 1,
                    completed_at=timezone.make_aware(datetime.datetime.combine(plan.end, datetime.time(16)))
                    if trained
                    else None,
                )
            )
        bulk(ctx, T4TPlace, places)
