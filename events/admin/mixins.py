"""What every events admin view shares: region scoping and formula-safe exports."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from events.access import managed_regions
from events.models import Cohort, Registration, Venue
from events.spreadsheets import spreadsheet_safe


def scoped_queryset(model, user):
    """A facilitator's view of `model`: only what belongs to their regions (DOMAIN.md §2)."""
    if model is Cohort:
        return Cohort.objects.in_regions_of(user)
    if model is Registration:
        return Registration.objects.filter(cohort__in=Cohort.objects.in_regions_of(user))
    if model is Venue:
        return Venue.objects.filter(region__in=managed_regions(user))
    raise ValueError(model)


class RegionScopedMixin:
    """For every ModelViewSet view: the listing and each object page (edit, inspect, delete,
    history, usage) see only the user's regions, so another region's id is a 404 whatever the URL."""

    def get_base_queryset(self):
        return scoped_queryset(self.model, self.request.user)

    def get_object(self, queryset=None):
        return get_object_or_404(scoped_queryset(self.model, self.request.user), pk=unquote(str(self.kwargs["pk"])))


class FormulaSafeExportMixin:
    """Wagtail's CSV export writes cells as they are; every export here escapes formulas."""

    def to_row_dict(self, item):
        return {field: spreadsheet_safe(value) for field, value in super().to_row_dict(item).items()}


class ObjectPermissionMixin:
    """Action views: the model permission, then the object looked up in the user's regions."""

    permission = ""
    model = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.object = get_object_or_404(scoped_queryset(self.model, request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)
