"""Lead Trainers assessing candidates, and running a Training for Trainers (issue #5 points 2–3).

Programme admins do the same in the admin; these pages are for the Lead Trainers a programme admin
assigns an application to, and for the trainers on a T4T's team.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from core.forms import posted
from events.models import Cohort
from trainers.access import TEAM_ROLES, may_assess, runs_t4t
from trainers.forms.public import AssessmentForm, T4TPlanForm
from trainers.models import Application, CriterionAssessment, T4TPlace, TrainerProfile
from trainers.rules import current_pathway_rules
from trainers.selectors.t4t import t4t_day
from trainers.services.assessments import assessment_record, criteria_to_assess
from trainers.services.t4t import t4t_complete, t4t_plan_save

Source = CriterionAssessment.Source


@login_required
def assessing(request):
    """The applications assigned to me and the T4Ts I help run."""
    applications = Application.objects.filter(assessor=request.user, status=Application.Status.SUBMITTED)
    t4ts = (
        Cohort.objects.filter(
            path=Cohort.Path.T4T, delivery_assignments__trainer=request.user, delivery_assignments__role__in=TEAM_ROLES
        )
        .exclude(status=Cohort.Status.CANCELLED)
        .with_first_date()
        .order_by("-first_date")
    )
    return render(
        request,
        "trainers/assessing.html",
        {"applications": applications.select_related("profile__person"), "t4ts": t4ts},
    )


@login_required
def assess(request, pk: int):
    """Rate a candidate per criterion: from their CV or Development Day, or as observed at a T4T (`?cohort=`)."""
    profile = get_object_or_404(TrainerProfile.objects.select_related("person"), pk=pk)
    cohort_id = request.GET.get("cohort", "")
    cohort = Cohort.objects.filter(pk=cohort_id, path=Cohort.Path.T4T).first() if cohort_id.isdigit() else None
    if cohort is not None:
        sources = (
            [Source.T4T_OBSERVATION]
            if may_assess(request.user, profile, source=Source.T4T_OBSERVATION, cohort=cohort)
            else []
        )
    else:
        sources = [Source.CV, Source.DEVELOPMENT_DAY] if may_assess(request.user, profile, source=Source.CV) else []
    if not sources:
        raise Http404
    form = AssessmentForm(posted(request), criteria=criteria_to_assess(profile), sources=sources)
    if request.method == "POST" and form.is_valid():
        try:
            assessment_record(
                profile=profile,
                source=form.cleaned_data["source"],
                ratings=form.ratings(),
                assessor=request.user,
                cohort=cohort,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Your assessment of {profile} is recorded.")
            return redirect("trainers:t4t_day", pk=cohort.pk) if cohort else redirect("trainers:assessing")
    return render(request, "trainers/assess.html", {"profile": profile, "form": form, "cohort": cohort})


@login_required
def t4t(request, pk: int):
    """The day's plan: suggested balanced groups the lead adjusts, each group's part, completions."""
    cohort = get_object_or_404(Cohort, pk=pk, path=Cohort.Path.T4T)
    if not runs_t4t(request.user, cohort):
        raise Http404
    day = t4t_day(cohort, rules=current_pathway_rules())
    form = T4TPlanForm(
        request.POST if "plan" in request.POST else None,
        places=day.places,
        suggested=day.suggested,
        group_count=day.group_count,
    )
    if request.POST.get("complete", "").isdigit():
        place = get_object_or_404(T4TPlace, pk=request.POST["complete"], cohort=cohort)
        try:
            t4t_complete(place=place, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"{place.profile} has completed Training for Trainers.")
        return redirect("trainers:t4t_day", pk=cohort.pk)
    if form.is_bound and form.is_valid():
        try:
            t4t_plan_save(cohort=cohort, plan=form.plan(), actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The groups and parts are saved.")
            return redirect("trainers:t4t_day", pk=cohort.pk)
    return render(
        request, "trainers/t4t_day.html", {"day": day, "form": form, "cohort": cohort, "today": timezone.localdate()}
    )
