"""What every events admin view shares: region scoping."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from events.access import in_managed_regions
from events.models import Cohort, Registration, Venue


def scoped_queryset(model, user):
    """A facilitator's view of `model`: only what belongs to their regions (DOMAIN.md §2)."""
    if model is Cohort:
        return Cohort.objects.in_regions_of(user)
    if model is Registration:
        return in_managed_regions(Registration.objects.all(), user, "cohort__region")
    if model is Venue:
        return in_managed_regions(Venue.objects.all(), user)
    raise ValueError(model)


class RegionScopedListingMixin:
    """Index views: the listing holds only the user's regions. `scope(model, user)` says what that is;
    other apps' admin views set their own."""

    scope = staticmethod(scoped_queryset)

    def get_base_queryset(self):
        return self.scope(self.model, self.request.user)


class RegionScopedMixin:
    """Object views (edit, inspect, delete, history, usage, revisions): another region's id is a 404
    whatever the URL; the view then loads the object its own way (snippets load their latest revision)."""

    scope = staticmethod(scoped_queryset)

    def get_object(self, queryset=None):
        pk = getattr(self, "pk", None) or self.kwargs[self.pk_url_kwarg]
        if not self.scope(self.model, self.request.user).filter(pk=unquote(str(pk))).exists():
            raise Http404
        return super().get_object()


class ObjectPermissionMixin:
    """Action views: the model permission, then the object looked up in the user's regions."""

    permission = ""
    model = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.object = get_object_or_404(scoped_queryset(self.model, request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)
