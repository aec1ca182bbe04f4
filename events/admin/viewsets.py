"""Cohorts, registrations and venues in the Wagtail admin (CONVENTIONS.md: ModelViewSets, scoped by region).

Facilitators see and change only their regions' cohorts, registrations and venues; state changes
are the action views in `events.admin.actions`, never the edit form (status is not on it).
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.functional import cached_property
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin.policies import ViewOnlyPolicy
from core.exports import FormulaSafeExportMixin
from events.access import managed_regions
from events.admin import actions, imports, summary
from events.admin.cohort_page import CohortInspectView, CohortPageColumn
from events.admin.mixins import (
    RegionScopedListingMixin,
    RegionScopedMixin,
)
from events.admin.venues import VenueViewSet
from events.forms.admin import CohortAdminForm
from events.models import Cohort, Registration
from events.models.choices import ApplyingAs
from events.models.rules import current_rules
from events.selectors.at_risk import cohorts_at_risk
from events.selectors.venues import venue_clashes
from events.services.cohorts import cohort_update


def _regions(request):
    return managed_regions(request.user)


class CohortFilterSet(WagtailFilterSet):
    region = django_filters.ModelChoiceFilter(queryset=_regions)
    status = django_filters.ChoiceFilter(choices=Cohort.Status.choices)
    path = django_filters.ChoiceFilter(choices=Cohort.Path.choices)
    first_date = django_filters.DateFromToRangeFilter(label="Starts between", widget=DateRangePickerWidget)
    at_risk = django_filters.ChoiceFilter(
        label="At risk",
        choices=[("yes", "Starting soon and at risk")],
        empty_label="Any",
        method="filter_at_risk",
    )

    class Meta:
        model = Cohort
        fields = ["region", "status", "path"]

    def filter_at_risk(self, queryset, name, value):
        """The cohorts the at-risk selector finds (issue #21 point 4), among those listed. The selector
        reads the cohorts afresh: the listing's own annotations would clash with its own."""
        at_risk = cohorts_at_risk(
            Cohort.objects.filter(pk__in=queryset.values("pk")), rules=current_rules(), today=timezone.localdate()
        )
        return queryset.filter(pk__in=[item.cohort.pk for item in at_risk])


def _starts(cohort) -> str:
    return format_date(cohort.first_date, "j M Y") if cohort.first_date else "No sessions yet"


class CohortIndexView(RegionScopedListingMixin, FormulaSafeExportMixin, generic.IndexView):
    def get_base_queryset(self):
        cohorts = super().get_base_queryset().with_first_date().select_related("region")
        if self.is_export:  # the export also counts the waiting list and names the authority and venue
            return cohorts.with_counts().select_related("local_authority", "venue")
        return cohorts.with_confirmed_count().with_places_taken_count()

    @cached_property
    def columns(self):
        rules, today = current_rules(), timezone.localdate()

        def state(cohort) -> str:
            label = cohort.get_status_display()
            return f"{label} – at risk" if cohort.is_at_risk(rules=rules, today=today) else label

        title, *others = super().columns  # the title leads to the cohort's page, not its edit form
        return [
            CohortPageColumn(title.name, label=title.label, sort_key=title.sort_key, view=self),
            *others,
            Column("state", label="Status", accessor=state),
        ]


class VenueClashWarningMixin:
    """After a cohort is saved, say when another cohort uses the same venue on one of its days. Only
    a warning: a big venue can hold two cohorts, so the facilitator decides (`venue_clashes`)."""

    def save_action(self):
        response = super().save_action()
        if not self.expects_json_response:
            for session in venue_clashes(self.object):
                messages.warning(
                    self.request,
                    f"{self.object.venue} is also booked for '{session.cohort}' on "
                    f"{format_date(session.date, 'l j F Y')}. Check there is room for both groups.",
                )
        return response


class CohortCreateView(VenueClashWarningMixin, generic.CreateView):
    def get_initial(self):
        return {**super().get_initial(), "capacity": current_rules().target_size}

    def get_success_url(self):
        """A new cohort's page, where it is opened and its team set (issue #21 point 1)."""
        return reverse("cohorts:inspect", args=[self.object.pk])


class CohortEditView(VenueClashWarningMixin, RegionScopedMixin, generic.EditView):
    def get_success_url(self):
        """Back to the cohort's page, where the change shows (issue #21 point 1)."""
        return reverse("cohorts:inspect", args=[self.object.pk])

    def save_instance(self):
        """Through the one service for a cohort's changes: it re-checks the rules, tells people and
        offers new places to those waiting (`events.services.cohorts.cohort_update`, issue #21)."""
        self.update = cohort_update(cohort=self.form.save(commit=False), actor=self.request.user)
        return self.update.cohort

    def get_success_message(self):
        """Say who the service emailed about the new days or venue; Wagtail's usual words otherwise."""
        told = self.update.people_told
        if not told:
            return super().get_success_message()
        people = "person" if told == 1 else "people"
        return f"Cohort '{self.object}' updated. We are emailing the {told} {people} with a place about the change."

    def form_valid(self, form):
        """A rule the service refuses comes back as the form's error, in its own words; nothing is saved."""
        try:
            return super().form_valid(form)
        except ValidationError as refusal:
            form.add_error(None, refusal)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class CohortDeleteView(RegionScopedMixin, generic.DeleteView):
    """Only a draft nobody registered for is deleted; any other cohort keeps its history and is cancelled."""

    def dispatch(self, request, *args, **kwargs):
        if self.user_has_permission("delete") and (
            self.object.status != Cohort.Status.DRAFT or self.object.registrations.exists()
        ):
            messages.error(request, "Only a draft cohort nobody has registered for can be deleted. Cancel it instead.")
            return redirect("cohorts:inspect", self.object.pk)
        return super().dispatch(request, *args, **kwargs)


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "date"
    menu_label = "Cohorts"
    name = "cohorts"
    index_view_class = CohortIndexView
    edit_view_class = CohortEditView
    inspect_view_class = CohortInspectView
    add_view_class = CohortCreateView
    delete_view_class = CohortDeleteView
    history_view_class = type("CohortHistoryView", (RegionScopedMixin, generic.HistoryView), {})
    usage_view_class = type("CohortUsageView", (RegionScopedMixin, generic.UsageView), {})
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "path",
        "region",
        "local_authority",
        "venue",
        "capacity",
        "local_details",
        "created_at",
    ]
    copy_view_enabled = False
    filterset_class = CohortFilterSet
    list_display = [
        "title",
        "region",
        Column("starts", label="Starts", accessor=_starts, sort_key="first_date"),
        Column(
            "places", label="Places taken", accessor=lambda cohort: f"{cohort.places_taken_count} of {cohort.capacity}"
        ),
    ]
    search_fields = ["title", "local_authority__name", "venue__name"]
    search_backend_name = None
    list_export = [
        "title",
        "path",
        "region",
        "local_authority",
        "venue",
        "first_date",
        "capacity",
        "confirmed_count",
        "waiting_count",
        "status",
    ]
    export_headings = {"first_date": "Starts", "confirmed_count": "Confirmed", "waiting_count": "Waiting"}
    export_filename = "cohorts"
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("path"),
            MultiFieldPanel(
                [FieldPanel("region"), FieldPanel("local_authority"), FieldPanel("venue", widget=forms.Select)],
                heading="Where",
            ),
            FieldPanel("capacity"),
            InlinePanel(
                "sessions",
                heading="Days",
                label="Day",
                min_num=1,
                help_text=(
                    "Once registration has opened, changing a date or time emails "
                    "everyone with a place and the trainers when you save."
                ),
            ),
            FieldPanel("local_details"),
        ],
        base_form_class=CohortAdminForm,
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            *[path(f"{name}/<int:pk>/", view.as_view(), name=name) for name, view in actions.COHORT_ACTIONS.items()],
            path("import/<int:pk>/", imports.CohortImportView.as_view(), name="import"),
            path("export/<int:pk>/<str:extension>/", imports.cohort_export, name="export"),
        ]


class RegistrationFilterSet(WagtailFilterSet):
    cohort__region = django_filters.ModelChoiceFilter(label="Region", queryset=_regions)
    status = django_filters.ChoiceFilter(choices=Registration.Status.choices)
    applying_as = django_filters.ChoiceFilter(choices=ApplyingAs.choices, label="Coming as")

    class Meta:
        model = Registration
        fields = ["status", "applying_as"]


class RegistrationIndexView(RegionScopedListingMixin, FormulaSafeExportMixin, generic.IndexView):
    #: What the listing shows of a registration, its person and its cohort; the export reads whole rows.
    LISTED_FIELDS = (
        *("applying_as", "organisation", "status", "registered_at"),
        *("person__first_name", "person__last_name", "person__email", "cohort__title"),
    )

    def get_base_queryset(self):
        registrations = super().get_base_queryset().select_related("person", "cohort")
        return registrations if self.is_export else registrations.only(*self.LISTED_FIELDS)


class RegistrationInspectView(RegionScopedMixin, generic.InspectView):
    template_name = "events/admin/registration_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["actions"] = actions.registration_actions(self.object, self.request.user)
        return context


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "user"
    menu_label = "Registrations"
    name = "registrations"
    permission_policy = ViewOnlyPolicy(Registration)  # registrations change only through services
    index_view_class = RegistrationIndexView
    inspect_view_class = RegistrationInspectView
    history_view_class = type("RegistrationHistoryView", (RegionScopedMixin, generic.HistoryView), {})
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = RegistrationFilterSet
    list_display = ["person", "cohort", "applying_as", "organisation", "status", "registered_at"]
    search_fields = ["person__email", "person__first_name", "person__last_name", "organisation"]
    search_backend_name = None
    list_export = [
        "person",
        "person.email",
        "cohort",
        "applying_as",
        "sectors",
        "organisation",
        "job_title",
        "status",
        "registered_at",
    ]
    export_headings = {"person.email": "Email"}
    export_filename = "registrations"
    inspect_view_fields = [
        "person",
        "cohort",
        "status",
        "registered_at",
        "day1_cohort",
        *Registration.COURSE_FIELDS,
    ]
    form_fields = ["organisation", "job_title"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"{name}/<int:pk>/", view.as_view(), name=name) for name, view in actions.REGISTRATION_ACTIONS.items()
        ]


class CohortsGroup(ViewSetGroup):
    menu_label = "Cohorts"
    menu_icon = "date"
    menu_order = 150
    items = (CohortViewSet, RegistrationViewSet, VenueViewSet, summary.MixSummaryViewSet)
