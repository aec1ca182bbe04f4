"""Granting roles and regions: the only writes to a person's groups and regions (issue #2)."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log

from core.models import Region, User
from core.roles import Role


@transaction.atomic
def role_grant(*, user: User, role: Role, actor: User | None) -> None:
    group = Group.objects.get_or_create(name=role.value)[0]
    if user.groups.filter(pk=group.pk).exists():
        return
    user.groups.add(group)
    user.__dict__.pop("_role_names", None)
    log(instance=user, action="core.role.grant", user=actor, data={"role": role.value})


@transaction.atomic
def role_revoke(*, user: User, role: Role, actor: User | None) -> None:
    group = Group.objects.filter(name=role.value).first()
    if group is None or not user.groups.filter(pk=group.pk).exists():
        return
    user.groups.remove(group)
    user.__dict__.pop("_role_names", None)
    if role is Role.REGIONAL_FACILITATOR:
        user.regions.clear()
    log(instance=user, action="core.role.revoke", user=actor, data={"role": role.value})


@transaction.atomic
def facilitator_regions_set(*, user: User, regions: list[Region], actor: User | None) -> None:
    """A Regional Facilitator is assigned one or more regions; nobody else holds regions."""
    if not user.has_role(Role.REGIONAL_FACILITATOR):
        raise ValidationError("Only a Regional Facilitator can be assigned regions.", code="not_facilitator")
    if not regions:
        raise ValidationError("A Regional Facilitator needs at least one region.", code="no_regions")
    user.regions.set(regions)
    log(
        instance=user,
        action="core.regions.set",
        user=actor,
        data={"regions": sorted(region.code for region in regions)},
    )
