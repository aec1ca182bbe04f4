"""Applying to become a trainer, and the private CV download (issue #5 point 1)."""

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render

from core.forms import posted, posted_files
from trainers.forms.public import ApplicationForm
from trainers.models import Application, Stage, TrainerProfile
from trainers.services.applications import applicable_criteria, application_submit


@login_required
def apply(request):
    """Anyone signed in may apply; a declined applicant may apply again, an accredited trainer to lead."""
    profile = TrainerProfile.objects.filter(person=request.user).first()
    lead_only = profile is not None and profile.stage == Stage.ACCREDITED
    open_application = (
        profile and Application.objects.filter(profile=profile, status=Application.Status.SUBMITTED).exists()
    )
    if open_application or (profile and not lead_only and profile.stage != Stage.DECLINED):
        messages.info(request, "You are on the trainer pathway already: here is where you are.")
        return redirect("trainers:pathway")
    form = ApplicationForm(
        posted(request),
        posted_files(request),
        criteria=applicable_criteria(for_lead=True, lead_only=lead_only),
        lead_only=lead_only,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application_submit(
                person=request.user,
                region=data.get("region") or profile.region,
                cv=data["cv"],
                statements=form.statements(),
                for_lead=data["for_lead"],
                lead_statement=data["lead_statement"],
                **form.details(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, "Thank you: your application is sent. We have emailed you a copy of what happens next."
            )
            return redirect("trainers:pathway")
    return render(request, "trainers/apply.html", {"form": form, "lead_only": lead_only})


@login_required
def cv(request, pk: int):
    """The CV, only for the applicant and their assessors: for anyone else it does not exist (404)."""
    application = get_object_or_404(Application.objects.visible_to(request.user), pk=pk)
    response = FileResponse(
        application.cv.open("rb"),
        as_attachment=True,
        filename=f"cv-{application.profile_id}{PurePath(application.cv.name).suffix}",
    )
    response["Cache-Control"] = "private, no-store"
    return response
