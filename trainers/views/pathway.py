"""My pathway: each step, its evidence and what is left, and booking a place at T4T."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from events.models import Cohort
from trainers.models import TrainerProfile
from trainers.rules import current_pathway_rules
from trainers.selectors.pathway import pathway_overview
from trainers.selectors.profiles import PROFILE_RELATIONS, own_trainer_profile
from trainers.services.t4t import t4t_book


@login_required
def my_pathway(request):
    profile = own_trainer_profile(request)
    if profile is None:
        return render(request, "trainers/no_pathway.html")
    overview = pathway_overview(profile, rules=current_pathway_rules(), today=timezone.localdate())
    return render(request, "trainers/pathway.html", {"overview": overview, "today": timezone.localdate()})


@login_required
def trainee_pathway(request, pk: int):
    """A mentor follows each mentee's pathway: mentoring runs alongside it (000:L410–416, L3620–3626)."""
    profile = get_object_or_404(
        TrainerProfile.objects.visible_to(request.user).exclude(person=request.user).select_related(*PROFILE_RELATIONS),
        pk=pk,
    )
    overview = pathway_overview(profile, rules=current_pathway_rules(), today=timezone.localdate())
    return render(request, "trainers/trainee_pathway.html", {"overview": overview})


@login_required
@require_POST
def book_t4t(request, pk: int):
    profile = get_object_or_404(TrainerProfile, person=request.user)
    cohort = get_object_or_404(Cohort, pk=pk, path=Cohort.Path.T4T)
    try:
        t4t_book(cohort=cohort, profile=profile, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"You have a place at {cohort}. We have emailed you what to prepare.")
    return redirect("trainers:pathway")
