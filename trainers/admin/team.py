"""Setting a cohort's team in the admin, with every trainer's eligibility for every role (issue #5 point 5).

The form sends the whole team to `team_set`, the one service holding the rostering rules; its
refusals come back as the form's errors. The page also shows whose checklist is incomplete.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from core.models import User
from events.models import Cohort
from trainers.admin.mixins import PermissionMenuMixin, scoped_queryset
from trainers.forms.admin import TeamForm
from trainers.models import DeliveryAssignment, Stage, Standing, TrainerProfile
from trainers.models.choices import PATHWAY, stage_reaches
from trainers.rules import current_pathway_rules
from trainers.selectors.deliveries import team_checklists
from trainers.services.rostering import team_eligibility, team_set

PERMISSION = "trainers.change_deliveryassignment"
Role = DeliveryAssignment.Role


class TeamPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class TeamListView(TeamPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "trainers/admin/team_list.html"
    page_title = "Cohort teams"
    header_icon = "group"

    def get_context_data(self, **kwargs):
        cohorts = (
            scoped_queryset(Cohort, self.request.user)
            .exclude(status__in=[Cohort.Status.CANCELLED, Cohort.Status.DELIVERED])
            .with_first_date()
            .select_related("region")
            .prefetch_related(
                Prefetch(
                    "delivery_assignments",
                    queryset=DeliveryAssignment.objects.select_related("trainer__trainer_profile").order_by("role"),
                )
            )
            .order_by("first_date", "pk")
        )
        return {**super().get_context_data(**kwargs), "cohorts": cohorts}


class TeamView(TeamPermissionMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "trainers/admin/team.html"
    form_class = TeamForm
    page_title = "Set the team"
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        self.cohort = get_object_or_404(scoped_queryset(Cohort, request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.cohort)

    def candidates(self):
        """Trainers past T4T in the cohort's region (or everywhere, `?everywhere=1`), and the team as it is."""
        team = Q(person__delivery_assignments__cohort=self.cohort)
        ready = Q(stage__in=[stage for stage in PATHWAY if stage_reaches(stage, Stage.T4T_COMPLETED)])
        if not self.request.GET.get("everywhere"):
            ready &= Q(region=self.cohort.region_id)
        return (
            TrainerProfile.objects.filter(team | ready & ~Q(standing=Standing.WITHDRAWN))
            .distinct()
            .select_related("person", "region")
        )

    def get_form_kwargs(self):
        people = User.objects.filter(trainer_profile__in=self.candidates()).order_by("last_name", "first_name")
        current: dict[str, list[int]] = {}
        for assignment in self.cohort.delivery_assignments.all():
            current.setdefault(assignment.role, []).append(assignment.trainer_id)
        initial = {
            "lead": (current.get(Role.LEAD) or [None])[0],
            "co_trainers": current.get(Role.CO_TRAINER, []),
            "shadows": current.get(Role.SHADOW, []),
        }
        return {**super().get_form_kwargs(), "people": people, "initial": initial}

    def get_context_data(self, **kwargs):
        rows = team_eligibility(
            self.cohort, self.candidates(), rules=current_pathway_rules(), today=timezone.localdate()
        )
        return {
            **super().get_context_data(**kwargs),
            "cohort": self.cohort,
            "rows": rows,
            "roles": Role.choices,
            "checklists": team_checklists(self.cohort),
            "everywhere": bool(self.request.GET.get("everywhere")),
        }

    def form_valid(self, form):
        try:
            team_set(
                cohort=self.cohort,
                lead=form.cleaned_data["lead"],
                co_trainers=list(form.cleaned_data["co_trainers"]),
                shadows=list(form.cleaned_data["shadows"]),
                actor=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, f"The team for {self.cohort} is set; new members have been told.")
        return redirect(reverse("cohort_teams:team", args=[self.cohort.pk]))


class CohortTeamViewSet(PermissionMenuMixin, ViewSet):
    permission = PERMISSION
    name = "cohort_teams"
    icon = "group"
    menu_label = "Cohort teams"

    def get_urlpatterns(self):
        return [
            path("", TeamListView.as_view(), name="index"),
            path("<int:pk>/", TeamView.as_view(), name="team"),
        ]
