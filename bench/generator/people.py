"""People: programme admins, Regional Facilitators, trainers, participants and the bench accounts.

Generated people cannot sign in (unusable password); the bench accounts (`bench.accounts`) can,
with one password hashed once, and staff among them with a TOTP authenticator, as production requires.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from bench import accounts
from bench.generator.base import NO_PASSWORD, Context, bulk
from bench.generator.names import FIRST_NAMES, LAST_NAMES
from core.models import LocalAuthority, Region, User
from core.roles import Role


def _person(ctx: Context, email: str, password: str = NO_PASSWORD) -> User:
    return User(
        email=email,
        first_name=ctx.rng.choice(FIRST_NAMES),
        last_name=ctx.rng.choice(LAST_NAMES),
        password=password,
        wants_optional_reminders=ctx.rng.random() < 0.9,
    )


def _with_role(ctx: Context, role: Role, users: list[User]) -> None:
    group = Group.objects.get(name=role.value)
    bulk(ctx, User.groups.through, (User.groups.through(user_id=user.pk, group_id=group.pk) for user in users))
    bulk(
        ctx,
        EmailAddress,
        (EmailAddress(user_id=user.pk, email=user.email, verified=True, primary=True) for user in users),
    )


def make_people(ctx: Context) -> None:
    plan, made = ctx.plan, ctx.made
    regions = list(Region.objects.order_by("code"))
    if not regions:
        raise RuntimeError("No regions: run `manage.py bootstrap --no-demo` first.")
    made["regions"] = regions
    made["authorities"] = {region.pk: list(LocalAuthority.objects.filter(region=region)) for region in regions}

    with ctx.step("programme admins and Regional Facilitators"):
        admins = bulk(ctx, User, (_person(ctx, f"admin-{n}@people.invalid") for n in range(plan.programme_admins)))
        facilitators = bulk(
            ctx,
            User,
            (
                _person(ctx, f"facilitator-{region.code}-{n}@people.invalid")
                for region in regions
                for n in range(plan.facilitators_per_region)
            ),
        )
        _with_role(ctx, Role.PROGRAMME_ADMIN, admins)
        _with_role(ctx, Role.REGIONAL_FACILITATOR, facilitators)
        bulk(
            ctx,
            User.regions.through,
            (
                User.regions.through(user_id=user.pk, region_id=regions[index // plan.facilitators_per_region].pk)
                for index, user in enumerate(facilitators)
            ),
        )

    with ctx.step("trainers"):
        trainers = bulk(ctx, User, (_person(ctx, f"trainer-{n}@people.invalid") for n in range(plan.count("trainers"))))
        _with_role(ctx, Role.TRAINER, trainers)
        # Each trainer works mostly in one region: cohorts there draw their team from it.
        made["trainers_by_region"] = {region.pk: [] for region in regions}
        for index, trainer in enumerate(trainers):
            made["trainers_by_region"][regions[index % len(regions)].pk].append(trainer)
        made["trainers"] = trainers

    with ctx.step("participants"):
        participants = bulk(
            ctx,
            User,
            (_person(ctx, f"participant-{n}@people.invalid") for n in range(plan.count("participants", 50))),
        )
        _with_role(ctx, Role.PARTICIPANT, participants)
        made["participants"] = participants

    with ctx.step("bench accounts (password, TOTP for staff)"):
        password = make_password(accounts.PASSWORD)
        bench_accounts = [*accounts.all_accounts(), accounts.BenchAccount(accounts.FEED_TRAINER_EMAIL, Role.TRAINER)]
        users = bulk(ctx, User, (_person(ctx, account.email, password) for account in bench_accounts))
        made["bench"] = {role: [] for role in Role}
        for account, user in zip(bench_accounts, users, strict=True):
            _with_role(ctx, account.role, [user])
            if account.totp_secret:
                TOTP.activate(user, account.totp_secret)
            if account.email == accounts.FEED_TRAINER_EMAIL:
                made["feed_trainer"] = user
            else:
                made["bench"][account.role].append(user)
        # Bench accounts of one role are interchangeable: the same two regions for every facilitator.
        for user in made["bench"][Role.REGIONAL_FACILITATOR]:
            user.regions.set(regions[:2])
