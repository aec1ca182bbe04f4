"""The rows of the stock baseline's listing (bench.models.StockItem): as many as there are cohorts,
and its view permission for the roles whose listings are compared with it."""

import datetime

from django.contrib.auth.models import Group, Permission

from bench.generator.base import Context, bulk
from bench.models import StockItem
from core.roles import Role

#: Roles measured on admin listings in `bench/run` (bench.harness.pages).
COMPARED_ROLES = (Role.PROGRAMME_ADMIN, Role.REGIONAL_FACILITATOR)


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
        view = Permission.objects.get(content_type__app_label="bench", codename="view_stockitem")
        for role in COMPARED_ROLES:
            Group.objects.get(name=role.value).permissions.add(view)
