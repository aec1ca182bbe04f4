"""Venues as a snippet, every screen and the chooser limited to the regions a person manages."""

from wagtail.admin.panels import ObjectList
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_listing import QuickListingMixin
from core.exports import FormulaSafeExportMixin
from events.admin.mixins import RegionScopedListingMixin, RegionScopedMixin, scoped_queryset
from events.forms.admin import VenueAdminForm
from events.models import Venue


class ScopedChoices:
    def get_object_list(self):
        return scoped_queryset(Venue, self.request.user)

    def get_object(self, pk):
        return scoped_queryset(Venue, self.request.user).get(pk=pk)

    def get_objects(self, pks):
        return scoped_queryset(Venue, self.request.user).filter(pk__in=pks)


class VenueChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = type("VenueChooseView", (ScopedChoices, snippet_chooser.ChooseView), {})
    choose_results_view_class = type("VenueChooseResultsView", (ScopedChoices, snippet_chooser.ChooseResultsView), {})
    chosen_view_class = type("VenueChosenView", (ScopedChoices, snippet_chooser.SnippetChosenView), {})
    chosen_multiple_view_class = type(
        "VenueChosenMultipleView", (ScopedChoices, snippet_chooser.SnippetChosenMultipleView), {}
    )


class VenueIndexView(QuickListingMixin, RegionScopedListingMixin, FormulaSafeExportMixin, snippet_views.IndexView):
    def get_base_queryset(self):
        """Each row shows its region: loaded with the venue, not one query per row."""
        return super().get_base_queryset().select_related("region")


def _scoped(name: str, view_class):
    return type(f"Venue{name}", (RegionScopedMixin, view_class), {})


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "home"
    menu_label = "Venues"
    index_view_class = VenueIndexView
    edit_view_class = _scoped("EditView", snippet_views.EditView)
    delete_view_class = _scoped("DeleteView", snippet_views.DeleteView)
    history_view_class = _scoped("HistoryView", snippet_views.HistoryView)
    usage_view_class = _scoped("UsageView", snippet_views.UsageView)
    revisions_compare_view_class = _scoped("RevisionsCompareView", snippet_views.RevisionsCompareView)
    chooser_viewset_class = VenueChooserViewSet
    copy_view_enabled = False
    list_display = ["name", "region", "capacity"]
    list_filter = ["region"]
    search_fields = ["name", "address", "postcode"]
    search_backend_name = None
    list_export = ["name", "region", "address", "postcode", "capacity", "accessibility"]
    edit_handler = ObjectList(Venue.panels, base_form_class=VenueAdminForm)
