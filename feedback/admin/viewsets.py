"""The participant's course in the Wagtail admin (CONVENTIONS.md: ModelViewSets, scoped by region).

Programme admins define evaluation forms, scales and questionnaires; they and the Regional
Facilitators follow up escalated questions, read trainers' feedback and attendance in their regions.
Records written by services are read-only here: the only changes are the action views, which call
the services. Reflections never appear in the admin: they are private to their author.
"""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.functional import cached_property
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_listing import QuickColumn, QuickIndexView, QuickListingMixin
from core.admin_policies import ViewOnlyPolicy
from core.exports import FormulaSafeExportMixin
from feedback.admin.views import AccreditedRouteViewSet, AnswerQuestionView, EvaluationResultsViewSet, PublishFormView
from feedback.models import (
    Attendance,
    CriticalIncident,
    EvaluationForm,
    OpenQuestion,
    Questionnaire,
    QuestionnaireEntry,
    Scale,
    TrainerReflection,
)


class ScopedMixin:
    """Listing and object pages see only the user's regions, so another region's id is a 404."""

    related = ()

    def scoped(self):
        return self.model._default_manager.in_regions_of(self.request.user).select_related(*self.related)

    def get_base_queryset(self):
        return self.scoped()

    def get_object(self, queryset=None):
        return get_object_or_404(self.scoped(), pk=unquote(str(self.kwargs["pk"])))


class ScopedViewSet(ModelViewSet):
    """A read-only ModelViewSet whose every page is scoped to the user's regions."""

    related: tuple[str, ...] = ()
    inspect_template_name = "wagtailadmin/generic/inspect.html"
    inspect_view_enabled = True
    copy_view_enabled = False
    #: Never shown: the policy allows viewing only.
    exclude_form_fields: list[str] = []

    @cached_property
    def permission_policy(self):
        return ViewOnlyPolicy(self.model)

    @cached_property
    def scope(self) -> type:
        return type(f"{self.model.__name__}Scope", (ScopedMixin,), {"related": self.related})

    @cached_property
    def index_view_class(self):
        bases = (QuickListingMixin, self.scope, FormulaSafeExportMixin, generic.IndexView)
        return type(f"{self.model.__name__}Index", bases, {})

    @cached_property
    def inspect_view_class(self):
        attrs = {"template_name": self.inspect_template_name}
        return type(f"{self.model.__name__}Inspect", (self.scope, generic.InspectView), attrs)

    @cached_property
    def history_view_class(self):
        return type(f"{self.model.__name__}History", (self.scope, generic.HistoryView), {})

    @cached_property
    def usage_view_class(self):
        return type(f"{self.model.__name__}Usage", (self.scope, generic.UsageView), {})

    @cached_property
    def edit_view_class(self):
        return type(f"{self.model.__name__}Edit", (self.scope, generic.EditView), {})

    @cached_property
    def delete_view_class(self):
        return type(f"{self.model.__name__}Delete", (self.scope, generic.DeleteView), {})


def _cohort(record) -> str:
    return record.session.cohort.title


class EvaluationFormViewSet(ModelViewSet):
    model = EvaluationForm
    name = "feedback_forms"
    icon = "form"
    menu_label = "Evaluation forms"
    index_view_class = QuickIndexView
    inspect_view_enabled = True
    inspect_view_class = type(
        "EvaluationFormInspect",
        (generic.InspectView,),
        {"template_name": "feedback/admin/evaluation_form_inspect.html"},
    )
    list_display = [
        "title",
        "course_kind",
        QuickColumn(
            "version",
            label="Version in use",
            accessor=lambda f: f.current_version.number if f.current_version else "Not published",
        ),
        "is_active",
    ]
    inspect_view_fields = ["title", "intro", "course_kind", "anonymous_to_trainers", "is_active", "seed_reference"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("publish/<int:pk>/", PublishFormView.as_view(), name="publish")]


class ScaleViewSet(ModelViewSet):
    model = Scale
    name = "feedback_scales"
    icon = "list-ol"
    menu_label = "Rating scales"
    index_view_class = QuickIndexView
    list_display = ["name", "labels"]
    form_fields = ["name", "labels"]


class QuestionnaireViewSet(ModelViewSet):
    model = Questionnaire
    name = "feedback_questionnaires"
    icon = "edit"
    menu_label = "Reflections and follow-ups"
    index_view_class = QuickIndexView
    list_display = ["title", "kind", "number"]
    list_filter = ["kind"]


class OpenQuestionViewSet(ScopedViewSet):
    model = OpenQuestion
    related = ("session__cohort", "session__course")
    inspect_template_name = "feedback/admin/question_inspect.html"
    name = "feedback_questions"
    icon = "help"
    menu_label = "Escalated questions"
    list_display = [
        "text",
        QuickColumn("cohort", label="Cohort", accessor=_cohort),
        "status",
        "escalated_to",
        "escalated_at",
    ]
    list_filter = ["status", "escalated_to"]
    list_export = [
        "text",
        "session",
        "status",
        "escalated_to",
        "escalation_note",
        "escalated_at",
        "answer",
        "answered_at",
    ]
    export_filename = "escalated-questions"
    search_fields = ["text", "answer"]
    search_backend_name = None
    inspect_view_fields = [
        "session",
        "text",
        "status",
        "escalated_to",
        "escalation_note",
        "escalated_at",
        "answer",
        "answered_at",
        "participants_told",
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("answer/<int:pk>/", AnswerQuestionView.as_view(), name="answer")]


class CriticalIncidentViewSet(ScopedViewSet):
    model = CriticalIncident
    related = ("session__cohort", "session__course")
    name = "feedback_incidents"
    icon = "warning"
    menu_label = "Critical incidents"
    list_display = [QuickColumn("cohort", label="Cohort", accessor=_cohort), "session", "created_at"]
    inspect_view_fields = ["session", "what_happened", "response", "created_at"]


class TrainerReflectionViewSet(ScopedViewSet):
    model = TrainerReflection
    related = ("trainer", "session__cohort", "session__course")
    name = "feedback_trainer_reflections"
    icon = "comment"
    menu_label = "Trainers' feedback"
    list_display = ["trainer", QuickColumn("cohort", label="Cohort", accessor=_cohort), "session", "submitted_at"]
    inspect_view_fields = ["trainer", "session", *TrainerReflection.ANSWER_FIELDS, "submitted_at"]


class AttendanceViewSet(ScopedViewSet):
    model = Attendance
    related = ("registration__person", "registration__cohort", "session__course")
    name = "feedback_attendance"
    icon = "tick"
    menu_label = "Attendance"
    list_display = ["registration", "session", "status", "note"]
    list_filter = ["status"]
    list_export = ["session", "registration.person", "registration.person.email", "status", "note"]
    export_headings = {"registration.person": "Person", "registration.person.email": "Email"}
    export_filename = "attendance"
    inspect_view_fields = ["session", "registration", "status", "note", "recorded_at"]


class FollowUpViewSet(ScopedViewSet):
    """Sent follow-up questionnaires: the programme's evidence that the training lasted (000:L906–914)."""

    model = QuestionnaireEntry
    related = ("questionnaire", "registration__person", "registration__cohort")
    inspect_template_name = "feedback/admin/entry_inspect.html"
    name = "feedback_follow_ups"
    icon = "doc-full-inverse"
    menu_label = "Follow-up answers"
    list_display = ["questionnaire", "registration", "submitted_at"]
    inspect_view_fields = ["questionnaire", "registration", "submitted_at"]


class CourseFollowThroughGroup(ViewSetGroup):
    menu_label = "Course follow-through"
    menu_icon = "tasks"
    menu_order = 160
    items = (
        EvaluationResultsViewSet,
        OpenQuestionViewSet,
        TrainerReflectionViewSet,
        CriticalIncidentViewSet,
        AttendanceViewSet,
        AccreditedRouteViewSet,
        FollowUpViewSet,
        EvaluationFormViewSet,
        ScaleViewSet,
        QuestionnaireViewSet,
    )
