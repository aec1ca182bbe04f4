"""Wagtail admin screens for core's reference data and for assigning facilitators their regions."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from core.admin.policies import ViewOnlyPolicy
from core.models import ConsentWording, Region, ScheduledRun, User
from core.roles import Role
from core.services.roles import facilitator_regions_set


class RegionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return Region.objects.annotate(authority_count=Count("local_authorities"))


class ViewAndChangePolicy(ModelPermissionPolicy):
    """Reference data that is never added or deleted in the admin; its editable details change."""

    def user_has_permission(self, user, action):
        return action in {"view", "change"} and super().user_has_permission(user, action)


class RegionViewSet(ModelViewSet):
    """The nine English regions and their local authorities: reference data. Only each region's
    contact email address (where replies to its cohorts' messages go, issue #22 point 1) is edited,
    by programme admins (`core.change_region`)."""

    model = Region
    icon = "site"
    menu_label = "Regions"
    add_to_admin_menu = True
    menu_order = 900
    index_view_class = RegionIndexView
    list_display = ["name", "code", Column("authority_count", label="Local authorities")]
    search_fields = ["name", "local_authorities__name"]
    inspect_view_enabled = True
    inspect_view_fields = ["name", "code", "contact_email", "local_authorities"]
    form_fields = ["contact_email"]
    permission_policy = ViewAndChangePolicy(Region)


class AddOnlyPolicy(ModelPermissionPolicy):
    """Consent wording is never edited, so every decision keeps the words it was made on."""

    def user_has_permission(self, user, action):
        return action in {"add", "view"} and super().user_has_permission(user, action)


class ConsentWordingViewSet(ModelViewSet):
    model = ConsentWording
    icon = "doc-full"
    menu_label = "Consent wording"
    add_to_settings_menu = True
    form_fields = ["purpose", "text"]
    list_display = ["purpose", "text", "created_at"]
    list_filter = ["purpose"]
    inspect_view_enabled = True
    permission_policy = AddOnlyPolicy(ConsentWording)


class ChangeOnlyPolicy(ModelPermissionPolicy):
    """Facilitators are people: they are created and removed in Users, here only their regions change."""

    def user_has_permission(self, user, action):
        return action in {"change", "view"} and super().user_has_permission(user, "change")


class FacilitatorRegionsForm(WagtailAdminModelForm):
    regions = forms.ModelMultipleChoiceField(
        queryset=Region.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = User
        fields = ["regions"]


def facilitators():
    return User.objects.with_role(Role.REGIONAL_FACILITATOR).prefetch_related(
        Prefetch("regions", queryset=Region.objects.order_by("name"))
    )


class FacilitatorIndexView(generic.IndexView):
    def get_base_queryset(self):
        return facilitators()


class FacilitatorEditView(generic.EditView):
    def get_queryset(self):
        return facilitators()

    def save_instance(self):
        """Through the service, so the rule (at least one region) and the audit entry apply."""
        facilitator_regions_set(
            user=self.object, regions=list(self.form.cleaned_data["regions"]), actor=self.request.user
        )
        return self.object

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error("regions", error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class FacilitatorViewSet(ModelViewSet):
    model = User
    icon = "group"
    menu_label = "Regional Facilitators"
    name = "facilitators"
    url_prefix = "facilitators"
    add_to_admin_menu = True
    menu_order = 910
    list_display = ["__str__", "email", "region_names"]
    search_fields = ["email", "first_name", "last_name"]
    index_view_class = FacilitatorIndexView
    edit_view_class = FacilitatorEditView
    permission_policy = ChangeOnlyPolicy(User)

    def get_form_class(self, for_update=False):
        return FacilitatorRegionsForm


class ScheduledRunViewSet(ModelViewSet):
    """When each background job last ran and what it printed or why it failed (core.scheduling)."""

    model = ScheduledRun
    icon = "time"
    menu_label = "Background jobs"
    add_to_settings_menu = True
    list_display = ["command", "started_at", "finished_at", "outcome"]
    form_fields = ["command"]  # never shown: the scheduler alone writes these rows
    permission_policy = ViewOnlyPolicy(ScheduledRun)
