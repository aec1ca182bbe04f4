"""What every trainers admin view shares: the user's regions, and only the permissions they hold."""

from django.utils.functional import cached_property
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy

from events.access import in_managed_regions, manages_every_region
from events.admin.mixins import RegionScopedListingMixin, RegionScopedMixin
from events.models import Cohort
from trainers.models import Application, DeliveryAssignment, TrainerProfile


def scoped_queryset(model, user):
    """Facilitators see their regions' trainers and their cohorts' teams; applications (with CVs) are
    for programme admins and assessors only (issue #5 point 1)."""
    if model is TrainerProfile:
        return TrainerProfile.objects.in_regions_of(user)
    if model is Application:
        return Application.objects.all() if manages_every_region(user) else Application.objects.none()
    if model is DeliveryAssignment:
        return in_managed_regions(DeliveryAssignment.objects.all(), user, "cohort__region")
    if model is Cohort:
        return Cohort.objects.in_regions_of(user)
    raise ValueError(model)


class ScopedListingMixin(RegionScopedListingMixin):
    """Listings hold only the user's regions' trainers, applications and deliveries."""

    scope = staticmethod(scoped_queryset)


class ScopedMixin(RegionScopedMixin):
    """Object pages (inspect, history, actions): another region's id is a 404 whatever the URL."""

    scope = staticmethod(scoped_queryset)


class NoAddOrDeletePolicy(ModelPermissionPolicy):
    """Trainer records start from an application or an import and are never deleted: their history
    and other people's deliveries depend on them. Status changes go through the action views."""

    def user_has_permission(self, user, action):
        return action in ("view", "change") and super().user_has_permission(user, action)


class PermissionMenuMixin:
    """A ViewSet's menu item shows only to people holding `permission` (others would get a 403)."""

    permission = ""

    @cached_property
    def menu_item_class(self):
        permission = self.permission
        return type(
            f"{type(self).__name__}MenuItem",
            (MenuItem,),
            {"is_shown": lambda item, request: request.user.has_perm(permission)},
        )
