"""The rows of the stock baseline's listing (bench.models.StockItem): as many as there are cohorts,
and, for the roles whose listings are compared with it, the rights they have on what they list.

With only the view permission Wagtail draws no buttons on a row; with these, each row carries
Wagtail's own edit link and "More options" menu, as a cohort's or a registration's row does."""

import datetime

from django.contrib.auth.models import Group, Permission

from bench.generator.base import Context, bulk
from bench.models import StockItem
from core.roles import Role

#: Roles measured on admin listings in `bench/run` (bench.harness.pages).
COMPARED_ROLES = (Role.PROGRAMME_ADMIN, Role.REGIONAL_FACILITATOR)

#: What those roles may do with a stock item: what they may do with a cohort.
STOCK_RIGHTS = ("view", "add", "change", "delete")


def make_stock_items(ctx: Context) -> None:
    with ctx.step("stock baseline items"):
        start = datetime.datetime(2024, 4, 1, tzinfo=datetime.UTC)
        bulk(
            ctx,
            StockItem,
            (
                StockItem(
                    name=f"Item {ctx.rng.randint(1, 10**6):07d}",
                    reference=f"S{n:06d}",
                    quantity=ctx.rng.randint(0, 500),
                    created_at=start + datetime.timedelta(minutes=n),
                )
                for n in range(ctx.plan.count("cohorts"))
            ),
        )
        rights = Permission.objects.filter(
            content_type__app_label="bench", codename__in=[f"{right}_stockitem" for right in STOCK_RIGHTS]
        )
        for role in COMPARED_ROLES:
            Group.objects.get(name=role.value).permissions.add(*rights)
