"""Admin screens that are not a model listing: evaluation results, the accredited route list, and the
actions that call a service (publish a form version, answer an escalated question).

Facilitators see their regions only; programme admins everything (`Cohort.objects.in_regions_of`).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from core.admin.actions import ServiceActionView
from events.models import Cohort, Registration
from feedback.exports import accredited_dataset, accredited_registrations, evaluation_dataset, spreadsheet_response
from feedback.forms.team import AnswerForm
from feedback.models import EvaluationAnswer, EvaluationForm, OpenQuestion
from feedback.selectors.evaluation import LEVELS, SCORED_TOPICS, evaluation_table
from feedback.services.evaluation import evaluation_form_publish
from feedback.services.questions import question_answer


class PermissionRequiredMixin:
    permission = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def scoped_answers(user):
    return EvaluationAnswer.objects.filter(response__session__cohort__in=Cohort.objects.in_regions_of(user))


class EvaluationResultsView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = "feedback.view_attendance"
    template_name = "feedback/admin/evaluation_results.html"
    page_title = "Evaluation results"
    header_icon = "doc-full"

    def get_context_data(self, **kwargs):
        answers = scoped_answers(self.request.user)
        tables = [(level, evaluation_table(level, answers)) for level in LEVELS]
        return {**super().get_context_data(**kwargs), "tables": tables, "topics": SCORED_TOPICS}


def evaluation_export(request, level: str, extension: str):
    if not request.user.has_perm("feedback.view_attendance"):
        raise PermissionDenied
    dataset = evaluation_dataset(level, scoped_answers(request.user))
    return spreadsheet_response(dataset, extension, f"evaluation-by-{level}")


class EvaluationResultsViewSet(ViewSet):
    name = "evaluation_results"
    icon = "doc-full"
    menu_label = "Evaluation results"

    def get_urlpatterns(self):
        return [
            path("", EvaluationResultsView.as_view(), name="index"),
            path("<str:level>.<str:extension>", evaluation_export, name="export"),
        ]


def _accredited(user):
    return Registration.objects.filter(cohort__in=Cohort.objects.in_regions_of(user))


class AccreditedRouteView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Participants who asked for their learning to count towards a qualification (000:L2171–2178)."""

    permission = "feedback.view_certificate"
    template_name = "feedback/admin/accredited_route.html"
    page_title = "Accredited route"
    header_icon = "success"

    def get_context_data(self, **kwargs):
        rows = accredited_registrations(_accredited(self.request.user))
        return {**super().get_context_data(**kwargs), "registrations": rows}


def accredited_export(request, extension: str):
    if not request.user.has_perm("feedback.view_certificate"):
        raise PermissionDenied
    return spreadsheet_response(accredited_dataset(_accredited(request.user)), extension, "accredited-route")


class AccreditedRouteViewSet(ViewSet):
    name = "accredited_route"
    icon = "success"
    menu_label = "Accredited route"

    def get_urlpatterns(self):
        return [
            path("", AccreditedRouteView.as_view(), name="index"),
            path("export.<str:extension>", accredited_export, name="export"),
        ]


class ActionView(ServiceActionView):
    """A small form that calls one service; the service's refusal comes back as the form's error."""

    template_name = "feedback/admin/action.html"
    permission = ""

    def get_object(self):
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)


class PublishFormView(ActionView):
    permission = "feedback.change_evaluationform"
    page_title = "Publish a new version"
    submit_label = "Publish"
    header_icon = "upload"
    success_message = "Published. New evaluations use this version; earlier responses keep theirs."
    explanation = "Participants answer the published version. Responses already given keep the version they answered."

    def get_object(self):
        return get_object_or_404(EvaluationForm, pk=self.kwargs["pk"])

    def perform(self, form):
        evaluation_form_publish(form=self.object, actor=self.request.user)

    def get_success_url(self):
        return reverse("feedback_forms:inspect", args=[self.object.pk])


class AnswerQuestionView(ActionView):
    permission = "feedback.change_openquestion"
    page_title = "Answer the question"
    form_class = AnswerForm
    submit_label = "Send the answer to the cohort"
    header_icon = "help"
    success_message = "The answer is sent to the cohort's participants."

    def get_object(self):
        return get_object_or_404(
            OpenQuestion.objects.in_regions_of(self.request.user).select_related("session__cohort", "session__course"),
            pk=self.kwargs["pk"],
        )

    @property
    def explanation(self):
        return f"Asked on {self.object.session}. The answer is emailed to everyone on the cohort."

    def perform(self, form):
        question_answer(question=self.object, answer=form.cleaned_data["answer"], actor=self.request.user)

    def get_success_url(self):
        return reverse("feedback_questions:inspect", args=[self.object.pk])
