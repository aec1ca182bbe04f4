"""Trainers, applications and deliveries in the Wagtail admin (CONVENTIONS.md: ModelViewSets, by region).

Programme admins see everything; Regional Facilitators see their regions' trainers and their cohorts'
deliveries, never applications or CVs. Stage and standing are not on any edit form: they change
through the action views in `trainers.admin.actions`.
"""

import django_filters
from django.urls import path, reverse
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_listing import QuickListingMixin
from core.admin_policies import ViewOnlyPolicy
from core.exports import FormulaSafeExportMixin
from events.access import managed_regions
from trainers.admin import actions, imports, team
from trainers.admin.mixins import NoAddOrDeletePolicy, ScopedListingMixin, ScopedMixin
from trainers.models import Application, Background, DeliveryAssignment, Stage, Standing, TrainerProfile
from trainers.rules import current_pathway_rules
from trainers.selectors.pathway import pathway_overview


def _scoped(name: str, base):
    return type(name, (ScopedMixin, base), {})


class TrainerFilterSet(WagtailFilterSet):
    region = django_filters.ModelChoiceFilter(queryset=lambda request: managed_regions(request.user))
    stage = django_filters.ChoiceFilter(choices=Stage.choices)
    standing = django_filters.ChoiceFilter(choices=Standing.choices)
    background = django_filters.ChoiceFilter(choices=Background.choices, label="Comes to training as")

    class Meta:
        model = TrainerProfile
        fields = ["region", "stage", "standing", "background"]


class TrainerIndexView(QuickListingMixin, ScopedListingMixin, FormulaSafeExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("person", "region", "mentor")

    def _get_title_column(self, field_name, *args, **kwargs):
        """The trainer's name, linking to their page and sorted by surname (`person` alone would
        be labelled "Person" and sorted by email, `User`'s order)."""
        column = super()._get_title_column(field_name, *args, **kwargs)
        column.label, column.sort_key = "Name", "person__last_name"
        return column


class TrainerInspectView(ScopedMixin, generic.InspectView):
    template_name = "trainers/admin/trainer_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["overview"] = pathway_overview(self.object, rules=current_pathway_rules(), today=timezone.localdate())
        context["actions"] = actions.profile_actions(self.object, self.request.user)
        context["show_cv"] = self.request.user.has_perm("trainers.view_application")
        return context


class TrainerProfileViewSet(ModelViewSet):
    model = TrainerProfile
    name = "trainer_profiles"
    icon = "user"
    menu_label = "Trainers"
    permission_policy = NoAddOrDeletePolicy(TrainerProfile)
    index_view_class = TrainerIndexView
    inspect_view_class = TrainerInspectView
    edit_view_class = _scoped("TrainerEditView", generic.EditView)
    history_view_class = _scoped("TrainerHistoryView", generic.HistoryView)
    usage_view_class = _scoped("TrainerUsageView", generic.UsageView)
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = TrainerFilterSet
    list_display = [
        "person",
        "region",
        "stage",
        "standing",
        "background",
        "mentor",
    ]
    search_fields = ["person__email", "person__first_name", "person__last_name"]
    search_backend_name = None
    list_export = [
        "person",
        "person.email",
        "region",
        "background",
        "training_experience",
        "stage",
        "standing",
        "mentor",
    ]
    export_headings = {"person.email": "Email"}
    export_filename = "trainers"
    form_fields = ["region", "background", "training_experience"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"{name}/<int:pk>/", view.as_view(), name=name) for name, view in actions.PROFILE_ACTIONS.items()
        ]


class ApplicationIndexView(QuickListingMixin, ScopedListingMixin, FormulaSafeExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("profile__person", "assessor")


class ApplicationInspectView(ScopedMixin, generic.InspectView):
    template_name = "trainers/admin/application_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statements"] = self.object.statements.select_related("criterion")
        context["cv_url"] = reverse("trainers:cv", args=[self.object.pk])
        context["actions"] = actions.application_actions(self.object, self.request.user)
        return context


class ApplicationViewSet(ModelViewSet):
    model = Application
    name = "trainer_applications"
    icon = "doc-full"
    menu_label = "Applications"
    permission_policy = ViewOnlyPolicy(Application)
    index_view_class = ApplicationIndexView
    inspect_view_class = ApplicationInspectView
    history_view_class = _scoped("ApplicationHistoryView", generic.HistoryView)
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["profile", "submitted_at", "for_lead", "status", "assessor"]
    list_filter = ["status", "for_lead"]
    search_fields = ["profile__person__email", "profile__person__first_name", "profile__person__last_name"]
    search_backend_name = None
    list_export = ["profile", "submitted_at", "for_lead", "status", "assessor", "decided_at"]
    export_filename = "applications"
    form_fields = ["lead_statement"]  # never shown: the policy allows viewing only

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"{name}/<int:pk>/", view.as_view(), name=name) for name, view in actions.APPLICATION_ACTIONS.items()
        ]


class DeliveryIndexView(QuickListingMixin, ScopedListingMixin, FormulaSafeExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("trainer", "cohort", "signed_off_by")


class DeliveryAssignmentViewSet(ModelViewSet):
    model = DeliveryAssignment
    name = "deliveries"
    icon = "list-ul"
    menu_label = "Deliveries"
    permission_policy = ViewOnlyPolicy(DeliveryAssignment)
    index_view_class = DeliveryIndexView
    inspect_view_class = _scoped("DeliveryInspectView", generic.InspectView)
    history_view_class = _scoped("DeliveryHistoryView", generic.HistoryView)
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["trainer", "cohort", "role", "reflected_at", "signed_off_by"]
    list_filter = ["role"]
    search_fields = ["trainer__email", "trainer__last_name", "cohort__title"]
    search_backend_name = None
    list_export = ["trainer", "cohort", "role", "reflected_at", "signed_off_by", "signed_off_at"]
    export_filename = "deliveries"
    form_fields = ["role"]  # never shown: the policy allows viewing only
    inspect_view_fields = [
        "trainer",
        "cohort",
        "role",
        "assigned_at",
        "reflection",
        "reflected_at",
        "signed_off_by",
        "signed_off_at",
    ]


class TrainersGroup(ViewSetGroup):
    menu_label = "Trainers"
    menu_icon = "group"
    menu_order = 160
    items = (
        TrainerProfileViewSet,
        ApplicationViewSet,
        DeliveryAssignmentViewSet,
        team.CohortTeamViewSet,
        imports.TrainerImportViewSet,
    )
