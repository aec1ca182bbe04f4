"""Reads for the dashboards: constant query counts whatever the data size."""

from django.db.models import Count, Prefetch, QuerySet

from core.models import LocalAuthority, Region, User
from core.roles import Role


def people_per_role() -> dict[Role, int]:
    counts = dict(
        User.objects.filter(groups__name__in=[role.value for role in Role], is_active=True)
        .values_list("groups__name")
        .annotate(total=Count("pk", distinct=True))
    )
    return {role: counts.get(role.value, 0) for role in Role}


def regions_with_counts() -> QuerySet[Region]:
    return Region.objects.annotate(
        authority_count=Count("local_authorities", distinct=True),
        facilitator_count=Count("facilitators", distinct=True),
    )


def facilitator_regions(user: User) -> QuerySet[Region]:
    return (
        Region.objects.filter(facilitators=user)
        .annotate(authority_count=Count("local_authorities", distinct=True))
        .prefetch_related(Prefetch("local_authorities", queryset=LocalAuthority.objects.order_by("name")))
    )
