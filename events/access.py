"""Which regions a person manages: everywhere for programme admins, their own for facilitators (DOMAIN.md §2)."""

from django.db.models import QuerySet

from core.models import Region
from core.roles import Role


def manages_every_region(user) -> bool:
    return user.is_superuser or user.has_role(Role.PROGRAMME_ADMIN)


def managed_region_ids(user) -> tuple[int, ...] | None:
    """The ids of the regions a person manages, in order; None for every region (one query)."""
    if manages_every_region(user):
        return None
    return tuple(managed_regions(user).order_by("pk").values_list("pk", flat=True))


def regions_key(region_ids: tuple[int, ...] | None) -> str:
    """Regions as a cache key part shared by everyone managing the same ones: "all", or their ids."""
    return "all" if region_ids is None else ",".join(map(str, region_ids))


def managed_regions_key(user) -> str:
    return regions_key(managed_region_ids(user))


def in_managed_regions(queryset: QuerySet, user, region: str = "region") -> QuerySet:
    """The rows of `queryset` in the regions `user` manages, through the lookup `region`: every row
    for people who manage every region (no `IN (every region)` for the database to work through;
    issue #8), their regions' for facilitators, none for anyone else."""
    if manages_every_region(user):
        return queryset
    return queryset.filter(**{f"{region}__in": managed_regions(user)})


def managed_regions(user) -> QuerySet[Region]:
    if manages_every_region(user):
        return Region.objects.all()
    if user.has_role(Role.REGIONAL_FACILITATOR):
        return Region.objects.filter(facilitators=user)
    return Region.objects.none()
