"""Pathway changes in the admin: each screen is a small form that calls one service (CONVENTIONS.md).

The object is looked up in the user's regions (another region's id is a 404) and a refusal comes
back as the form's error, in the service's words.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse

from core.admin.actions import ServiceActionView
from trainers.admin.mixins import scoped_queryset
from trainers.forms.admin import DecisionForm, LeadTrainerForm, PrereadingForm, ReasonForm
from trainers.forms.public import AssessmentForm
from trainers.models import Application, CriterionAssessment, Stage, Standing, TrainerProfile
from trainers.services import applications as application_services
from trainers.services import pathway as pathway_services
from trainers.services.assessments import assessment_record, criteria_to_assess
from trainers.services.t4t import t4t_prereading_record


class ActionView(ServiceActionView):
    template_name = "events/admin/action.html"
    header_icon = "user"
    model = TrainerProfile
    viewset = "trainer_profiles"
    permission = "trainers.change_trainerprofile"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.object = get_object_or_404(scoped_queryset(self.model, request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        return reverse(f"{self.viewset}:inspect", args=[self.object.pk])


class AccreditView(ActionView):
    page_title = "Accredit as a trainer"
    submit_label = "Accredit"
    success_message = "Accredited: they can now lead a cohort, with an experienced co-trainer the first time."
    explanation = "Their shadowing and co-training have been signed off by Lead Trainers."

    def perform(self, form):
        pathway_services.trainer_accredit(profile=self.object, actor=self.request.user)


class PromoteLeadView(ActionView):
    page_title = "Make a Lead Trainer"
    submit_label = "Make a Lead Trainer"
    success_message = "They are now a Lead Trainer: they can run T4T, mentor and sign off."
    # 000:L1982–1992
    explanation = "Needs a supporting statement and both Lead Trainer criteria assessed as met."

    def perform(self, form):
        pathway_services.trainer_promote_lead(profile=self.object, actor=self.request.user)


def _standing_view(name: str, title: str, message: str, service):
    def perform(self, form):
        service(profile=self.object, actor=self.request.user, reason=form.cleaned_data["reason"])

    attrs = {"page_title": title, "submit_label": title, "success_message": message, "form_class": ReasonForm}
    return type(name, (ActionView,), {**attrs, "perform": perform})


SuspendView = _standing_view(
    "SuspendView", "Suspend", "Suspended: they cannot be rostered until reinstated.", pathway_services.trainer_suspend
)
ReinstateView = _standing_view("ReinstateView", "Reinstate", "Reinstated.", pathway_services.trainer_reinstate)
WithdrawView = _standing_view(
    "WithdrawView", "Withdraw", "Withdrawn: their history stays.", pathway_services.trainer_withdraw
)


class MentorView(ActionView):
    page_title = "Assign a mentor"
    form_class = LeadTrainerForm
    submit_label = "Assign"
    success_message = "Mentor assigned. A mentor never signs off their own mentee."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "exclude": self.object.person}

    def perform(self, form):
        pathway_services.mentor_assign(profile=self.object, mentor=form.cleaned_data["person"], actor=self.request.user)


class PrereadingView(ActionView):
    page_title = "Record the T4T pre-reading as done"
    form_class = PrereadingForm
    permission = "trainers.add_t4tprereadingconfirmation"
    submit_label = "Record"
    success_message = "Recorded: they can now book a Training for Trainers."
    # 000:L404–406, L4442–4456
    explanation = "For pre-reading done outside the platform, for example on paper."

    def perform(self, form):
        t4t_prereading_record(person=self.object.person, actor=self.request.user, **form.cleaned_data)


class AssessView(ActionView):
    page_title = "Assess against the person specification"
    form_class = AssessmentForm
    submit_label = "Record the assessment"
    success_message = "The assessment is recorded, with the wording of each criterion as it stands today."

    def get_form_kwargs(self):
        sources = [CriterionAssessment.Source.CV, CriterionAssessment.Source.DEVELOPMENT_DAY]
        return {**super().get_form_kwargs(), "criteria": criteria_to_assess(self.object), "sources": sources}

    def perform(self, form):
        assessment_record(
            profile=self.object,
            source=form.cleaned_data["source"],
            ratings=form.ratings(),
            assessor=self.request.user,
        )


PROFILE_ACTIONS = {
    "assess": AssessView,
    "prereading": PrereadingView,
    "accredit": AccreditView,
    "lead": PromoteLeadView,
    "mentor": MentorView,
    "suspend": SuspendView,
    "reinstate": ReinstateView,
    "withdraw": WithdrawView,
}


def profile_actions(profile: TrainerProfile, user) -> list[tuple[str, str]]:
    """(label, url) for the buttons that make sense at the trainer's stage and standing."""
    open_to = {
        "assess": profile.standing != Standing.WITHDRAWN,
        "prereading": profile.stage == Stage.IN_POOL,
        "accredit": profile.is_active and profile.stage == Stage.CO_TRAINED,
        "lead": profile.is_active and profile.stage == Stage.ACCREDITED,
        "mentor": profile.is_active and profile.has_reached(Stage.IN_POOL),
        "suspend": profile.is_active and profile.has_reached(Stage.IN_POOL),
        "reinstate": profile.standing == Standing.SUSPENDED,
        "withdraw": profile.standing != Standing.WITHDRAWN,
    }
    return [
        (view.page_title, reverse(f"trainer_profiles:{name}", args=[profile.pk]))
        for name, view in PROFILE_ACTIONS.items()
        if open_to[name] and user.has_perm(view.permission)
    ]


class ApplicationActionView(ActionView):
    model = Application
    viewset = "trainer_applications"
    permission = "trainers.change_application"


class AssignAssessorView(ApplicationActionView):
    page_title = "Assign to a Lead Trainer"
    form_class = LeadTrainerForm
    submit_label = "Assign"
    success_message = "Assigned: the Lead Trainer can now read the application and assess it."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "exclude": self.object.profile.person}

    def perform(self, form):
        application_services.application_assign_assessor(
            application=self.object, assessor=form.cleaned_data["person"], actor=self.request.user
        )


class DecideView(ApplicationActionView):
    page_title = "Decide"
    form_class = DecisionForm
    submit_label = "Record the decision"
    success_message = "The decision is recorded and the applicant has been told."
    explanation = "Accepting needs every criterion assessed first. Declining needs reasons."

    def perform(self, form):
        application_services.application_decide(
            application=self.object,
            outcome=form.cleaned_data["outcome"],
            actor=self.request.user,
            development_needs=form.cleaned_data["development_needs"],
            reasons=form.cleaned_data["reasons"],
        )


APPLICATION_ACTIONS = {"assign": AssignAssessorView, "decide": DecideView}


def application_actions(application: Application, user) -> list[tuple[str, str]]:
    if not application.is_open or not user.has_perm(ApplicationActionView.permission):
        return []
    actions = [
        (view.page_title, reverse(f"trainer_applications:{name}", args=[application.pk]))
        for name, view in APPLICATION_ACTIONS.items()
    ]
    actions.append(("Assess", reverse("trainer_profiles:assess", args=[application.profile_id])))
    return actions
