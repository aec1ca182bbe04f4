"""My deliveries, one delivery's checklist and reflection, and a Lead Trainer's sign-offs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from trainers.forms.public import ChecklistForm, ReflectionForm
from trainers.interfaces import participant_feedback_for
from trainers.models import DeliveryAssignment, DeliveryChecklist
from trainers.selectors.deliveries import my_deliveries, sign_off_queue, team_checklists
from trainers.selectors.profiles import own_trainer_profile
from trainers.services.deliveries import assignment_sign_off, checklist_update, reflection_submit


@login_required
def deliveries(request):
    upcoming, past = my_deliveries(request.user, today=timezone.localdate())
    return render(
        request,
        "trainers/deliveries.html",
        {
            "upcoming": upcoming,
            "past": past,
            "feedback": participant_feedback_for(request.user),
        },
    )


def _save_checklist(assignment: DeliveryAssignment, form: ChecklistForm, user) -> str:
    checklist_update(
        assignment=assignment,
        actor=user,
        introduction_reread=form.cleaned_data["introduction_reread"],
        ticks=form.ticks(),
    )
    return "Your checklist is saved."


def _save_reflection(assignment: DeliveryAssignment, form: ReflectionForm, user) -> str:
    reflection_submit(assignment=assignment, reflection=form.cleaned_data["reflection"], actor=user)
    return "Your reflection is sent."


SAVES = {"checklist": _save_checklist, "reflection": _save_reflection}


@login_required
def delivery(request, pk: int):
    """Before: the checklist. After: the reflection. Always: whose checklist on the team is incomplete."""
    assignment = get_object_or_404(
        DeliveryAssignment.objects.select_related("cohort", "signed_off_by"), pk=pk, trainer=request.user
    )
    checklist = DeliveryChecklist.objects.filter(assignment=assignment).first() or DeliveryChecklist()
    posted = request.POST if request.method == "POST" else {}
    forms = {
        "checklist": ChecklistForm(posted if "checklist" in posted else None, instance=checklist, prefix="checklist"),
        "reflection": ReflectionForm(
            posted if "reflection" in posted else None,
            initial={"reflection": assignment.reflection},
            prefix="reflection",
        ),
    }
    for name, form in forms.items():
        if form.is_bound and form.is_valid():
            try:
                done = SAVES[name](assignment, form, request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, done)
                return redirect("trainers:delivery", pk=assignment.pk)
    cohort, today = assignment.cohort, timezone.localdate()
    return render(
        request,
        "trainers/delivery.html",
        {
            "assignment": assignment,
            "cohort": cohort,
            "checklist": checklist,
            "checklist_form": forms["checklist"],
            "reflection_form": forms["reflection"],
            "team": team_checklists(cohort),
            "is_over": cohort.end_date is not None and cohort.end_date < today,
            "can_reflect": cohort.end_date is not None and cohort.end_date <= today,
        },
    )


def _queue_or_404(request):
    """Sign-offs are for active Lead Trainers only; anyone else gets a 404."""
    profile = own_trainer_profile(request)
    if profile is None or not profile.is_lead_trainer:
        raise Http404
    return sign_off_queue(profile)


@login_required
def sign_offs(request):
    return render(request, "trainers/sign_offs.html", {"queue": _queue_or_404(request)})


@login_required
def sign_off(request, pk: int):
    assignment = get_object_or_404(_queue_or_404(request), pk=pk)
    error = None
    if request.method == "POST":
        try:
            assignment_sign_off(assignment=assignment, actor=request.user)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(
                request, f"You have signed off {assignment.trainer}'s {assignment.get_role_display().lower()}."
            )
            return redirect("trainers:sign_offs")
    return render(request, "trainers/sign_off.html", {"assignment": assignment, "error": error})
