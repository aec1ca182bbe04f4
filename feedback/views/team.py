"""The delivery team's screens: a cohort's days, reading completion, the register, results, and the
reflections participants shared with them.

A cohort or day the person may not see (`Cohort.objects.visible_to`) is a 404. Recording is for the
delivering trainers and staff (`feedback.access`); shadows read.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.forms import posted
from core.roles import Role
from events.models import Cohort, Session
from feedback.access import TEAM, TEAM_ROLES, can_record, team_role
from feedback.forms.participant import CommentForm
from feedback.forms.team import RegisterForm
from feedback.models import QuestionnaireEntry
from feedback.selectors.evaluation import cohort_evaluation_summary, trainer_evaluation_summary
from feedback.selectors.questionnaires import answer_lines
from feedback.selectors.readings import cohort_reading_completion
from feedback.selectors.register import register_rows
from feedback.services.attendance import attendance_record
from feedback.services.questionnaires import entry_comment_add


def visible_cohort(request, pk: int) -> Cohort:
    return get_object_or_404(
        Cohort.objects.visible_to(request.user)
        .select_related("region", "venue")
        .prefetch_related(Prefetch("sessions", queryset=Session.objects.with_course_names()), TEAM),
        pk=pk,
    )


def _visible_sessions(request) -> QuerySet[Session]:
    return Session.objects.filter(cohort__in=Cohort.objects.visible_to(request.user)).prefetch_related(
        TEAM_ROLES  # the roles `team_role` reads; no day page names the team
    )


def visible_session(request, pk: int) -> Session:
    return get_object_or_404(_visible_sessions(request).select_related("course", "cohort"), pk=pk)


def _register_session(request, pk: int) -> Session:
    """The day for its register, with only what the register and `attendance_record` read of its
    course (a Wagtail page of some thirty columns) and cohort."""
    return get_object_or_404(
        _visible_sessions(request)
        .select_related("course", "cohort")
        .only(
            "date",
            "cohort",
            "course",
            "course__title",
            "course__kind",
            "cohort__title",
            "cohort__status",
            "cohort__region",
        ),
        pk=pk,
    )


def team_context(request, cohort: Cohort) -> dict:
    return {
        "cohort": cohort,
        "can_record": can_record(request.user, cohort),
        "team_role": team_role(request.user, cohort),
    }


@login_required
def cohort_delivery(request, pk: int):
    """The cohort's days with their register and records, and links to readings and results."""
    cohort = visible_cohort(request, pk)
    return render(request, "feedback/team/cohort.html", team_context(request, cohort))


@login_required
def cohort_readings(request, pk: int):
    cohort = visible_cohort(request, pk)
    readings, rows = cohort_reading_completion(cohort)
    return render(
        request, "feedback/team/readings.html", {**team_context(request, cohort), "readings": readings, "rows": rows}
    )


@login_required
def cohort_results(request, pk: int):
    """The cohort's evaluation results: never who said what (anonymous to trainers)."""
    cohort = visible_cohort(request, pk)
    summary = cohort_evaluation_summary(cohort, for_trainers=True)
    return render(request, "feedback/team/results.html", {**team_context(request, cohort), "summary": summary})


@login_required
def register(request, pk: int):
    """One screen for the day: mark everyone, see reading, preparation and access needs beside each name."""
    session = _register_session(request, pk)
    rows = register_rows(session)
    form = RegisterForm(posted(request), rows=rows)
    if request.method == "POST" and form.is_valid():
        try:
            marks = form.marks(everyone_present="everyone_present" in request.POST)
            attendance_record(session=session, marks=marks, actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"The register for {session} is saved.")
            return redirect("feedback:register", pk=pk)
    return render(
        request,
        "feedback/team/register.html",
        {**team_context(request, session.cohort), "session": session, "form": form},
    )


@login_required
def sign_in_sheet(request, pk: int):
    """A plain page to print for the day: the people in alphabetical order, their organisation and
    access needs, and a column to sign (issue #21 point 5). Anyone who may see the day may print it."""
    session = _register_session(request, pk)
    return render(
        request,
        "feedback/team/sign_in_sheet.html",
        {**team_context(request, session.cohort), "session": session, "rows": register_rows(session)},
    )


@login_required
def my_results(request):
    if not request.user.has_role(Role.TRAINER):
        raise Http404
    return render(request, "feedback/team/my_results.html", {"summary": trainer_evaluation_summary(request.user)})


@login_required
def shared_entries(request):
    entries = (
        QuestionnaireEntry.objects.filter(shared_with=request.user, status=QuestionnaireEntry.Status.SUBMITTED)
        .select_related("questionnaire", "registration__person", "registration__cohort")
        .order_by("-shared_at")
    )
    return render(request, "feedback/team/shared_entries.html", {"entries": entries})


def _shared_entry(request, pk: int) -> QuestionnaireEntry:
    """Only a reflection shared with this trainer; anyone else's id is a 404."""
    return get_object_or_404(
        QuestionnaireEntry.objects.filter(
            shared_with=request.user, status=QuestionnaireEntry.Status.SUBMITTED
        ).select_related("questionnaire", "registration__person", "registration__cohort"),
        pk=pk,
    )


@login_required
def shared_entry(request, pk: int):
    entry = _shared_entry(request, pk)
    return render(
        request,
        "feedback/team/shared_entry.html",
        {
            "entry": entry,
            "answers": answer_lines(entry.questionnaire.prompts.all(), entry.answers),
            "comments": list(entry.comments.select_related("author")),
            "comment_form": CommentForm(),
            "comment_url": reverse("feedback:shared_entry_comment", args=[entry.pk]),
        },
    )


@login_required
@require_POST
def shared_entry_comment(request, pk: int):
    entry = _shared_entry(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            entry_comment_add(entry=entry, author=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Your comment is added.")
    return redirect("feedback:shared_entry", pk=pk)
