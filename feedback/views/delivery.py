"""Recording a delivered day: sections, issues, questions, flipchart material, incidents, the trainer's
reflection (issue #6 point 3). Each screen lists what is recorded and offers the form that adds to it;
every write goes through a `feedback.services` function, whose refusal is shown in its own words.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.forms import posted, posted_files
from core.models import User
from feedback.forms.team import (
    AnswerForm,
    EscalateForm,
    IncidentForm,
    IssueForm,
    MaterialForm,
    QuestionForm,
    SectionsForm,
    TrainerReflectionForm,
)
from feedback.models import (
    CriticalIncident,
    DeliveryIssue,
    OpenQuestion,
    SectionDelivery,
    SessionMaterial,
    TrainerReflection,
)
from feedback.selectors.materials import material_states
from feedback.selectors.participants import cohort_participants
from feedback.services import delivery, materials, questions
from feedback.views.team import team_context, visible_session


def _saved(request, message: str, name: str, pk: int):
    messages.success(request, message)
    return redirect(name, pk=pk)


def _render(request, template: str, session, **context):
    return render(request, template, {**team_context(request, session.cohort), "session": session, **context})


@login_required
def record(request, pk: int):
    """Sections covered, shortened or skipped, with actual minutes against planned (000 Appendix 2)."""
    session = visible_session(request, pk)
    sections = delivery.day_sections(session)
    recorded = {d.section_id: d for d in SectionDelivery.objects.filter(session=session)}
    form = SectionsForm(posted(request), sections=sections, recorded=recorded)
    if request.method == "POST" and form.is_valid():
        try:
            delivery.section_deliveries_record(session=session, rows=form.rows(), actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _saved(request, "The sections are saved.", "feedback:record", pk)
    planned = sum(section.planned_minutes or 0 for section in sections)
    actual = sum(d.actual_minutes or 0 for d in recorded.values())
    return _render(request, "feedback/team/record.html", session, form=form, planned=planned, actual=actual)


@login_required
def issues(request, pk: int):
    session = visible_session(request, pk)
    form = IssueForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            delivery.issue_record(session=session, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _saved(request, "Added to the list.", "feedback:issues", pk)
    return _render(request, "feedback/team/issues.html", session, form=form, issues=session.issues.all())


@login_required
@require_POST
def issue_resolve(request, pk: int):
    issue = get_object_or_404(DeliveryIssue.objects.visible_to(request.user).select_related("session__cohort"), pk=pk)
    try:
        delivery.issue_resolve(issue=issue, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("feedback:issues", pk=issue.session_id)


@login_required
def open_questions(request, pk: int):
    session = visible_session(request, pk)
    form = QuestionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            questions.question_record(session=session, text=form.cleaned_data["text"], actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _saved(
                request, "The question is recorded. Escalate it to find the answer.", "feedback:questions", pk
            )
    return _render(
        request,
        "feedback/team/questions.html",
        session,
        form=form,
        questions=session.open_questions.all(),
        escalate_choices=OpenQuestion.EscalatedTo.choices,
    )


def _question(request, pk: int) -> OpenQuestion:
    return get_object_or_404(
        OpenQuestion.objects.visible_to(request.user).select_related("session__cohort__region", "session__course"),
        pk=pk,
    )


@login_required
@require_POST
def question_escalate(request, pk: int):
    question = _question(request, pk)
    form = EscalateForm(request.POST)
    if form.is_valid():
        try:
            questions.question_escalate(
                question=question, to=form.cleaned_data["to"], note=form.cleaned_data["note"], actor=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "The question is escalated; whoever can answer it has been told.")
    return redirect("feedback:questions", pk=question.session_id)


@login_required
@require_POST
def question_answer(request, pk: int):
    question = _question(request, pk)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            questions.question_answer(question=question, answer=form.cleaned_data["answer"], actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"The answer is sent to {question.participants_told} participants.")
    return redirect("feedback:questions", pk=question.session_id)


@login_required
def session_materials(request, pk: int):
    session = visible_session(request, pk)
    people = User.objects.filter(pk__in=cohort_participants(session).values("person_id")).order_by("last_name")
    form = MaterialForm(posted(request), posted_files(request), people=people)
    if request.method == "POST" and form.is_valid():
        try:
            materials.material_add(session=session, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _saved(request, "Uploaded.", "feedback:materials", pk)
    states = material_states(SessionMaterial.objects.filter(session=session))
    return _render(request, "feedback/team/materials.html", session, form=form, states=states)


@login_required
@require_POST
def material_remove(request, pk: int):
    material = get_object_or_404(
        SessionMaterial.objects.visible_to(request.user).select_related("session__cohort"), pk=pk
    )
    try:
        materials.material_remove(material=material, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Removed.")
    return redirect("feedback:materials", pk=material.session_id)


@login_required
def incidents(request, pk: int):
    """Anyone delivering can record an incident; only the lead and the central team can read them."""
    session = visible_session(request, pk)
    form = IncidentForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            delivery.incident_record(session=session, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _saved(request, "The incident is recorded.", "feedback:incidents", pk)
    visible = CriticalIncident.objects.visible_to(request.user).filter(session=session)
    return _render(request, "feedback/team/incidents.html", session, form=form, incidents=visible)


@login_required
def trainer_reflection(request, pk: int):
    session = visible_session(request, pk)
    instance = TrainerReflection.objects.filter(session=session, trainer=request.user).first()
    form = TrainerReflectionForm(posted(request), instance=instance)
    if request.method == "POST" and form.is_valid():
        submit = request.POST.get("action") == "submit"
        answers = {name: form.cleaned_data[name] for name in TrainerReflection.ANSWER_FIELDS}
        try:
            delivery.trainer_reflection_save(session=session, trainer=request.user, answers=answers, submit=submit)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            message = "Sent to the Regional Facilitator." if submit else "Your reflection is saved."
            return _saved(request, message, "feedback:trainer_reflection", pk)
    return _render(request, "feedback/team/trainer_reflection.html", session, form=form, reflection=instance)
