"""A participant's own course: readings, evaluations, reflections, follow-ups and certificate.

Everything hangs off the person's own confirmed registration: another person's registration id,
reading, day or questionnaire is a 404, so nobody reads anyone else's answers by changing the URL.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.forms import posted
from core.models import User
from core.notifications.links import absolute_url
from core.roles import Role
from courses.models import KeyWorkingFunction, Principle, ReadingPage
from events.models import Registration, Session
from events.selectors.sessions import sessions_for_registration
from feedback.access import TEAM, delivering_trainers
from feedback.forms.participant import (
    CommentForm,
    EvaluationResponseForm,
    QuestionnaireForm,
    ReadingProgressForm,
    ShareForm,
)
from feedback.models import EvaluationReceipt
from feedback.rules import current_feedback_rules
from feedback.selectors.certificates import attended_days
from feedback.selectors.course import course_overview, with_course_work
from feedback.selectors.evaluation import evaluation_form_for
from feedback.selectors.questionnaires import answer_lines, questionnaire_schedule
from feedback.selectors.readings import reading_page_state, readings_for_registration
from feedback.services.certificates import certificate_issue
from feedback.services.evaluation import can_evaluate, evaluation_submit, evaluation_window
from feedback.services.questionnaires import entry_comment_add, questionnaire_entry_save, questionnaire_entry_share
from feedback.services.readings import reading_progress_save


def own_registration(request, pk: int) -> Registration:
    """The person's own confirmed registration, loaded for `course_summaries`."""
    return get_object_or_404(
        with_course_work(Registration.objects.filter(person=request.user, status=Registration.Status.CONFIRMED)),
        pk=pk,
    )


@login_required
def course(request, pk: int):
    registration = own_registration(request, pk)
    overview = course_overview(registration, current_feedback_rules(), timezone.localdate())
    return render(
        request,
        "feedback/participant/course.html",
        {"overview": overview, "registration": registration, "today": timezone.localdate()},
    )


def _reading_page(request, *, reading: ReadingPage, due_session: Session | None, registration: Registration | None):
    """A reading with its ticks, answers and progress bar; saving reloads the same page."""
    state = reading_page_state(request.user, reading)
    form = ReadingProgressForm(
        posted(request),
        items=state["items"],
        questions=state["questions"],
        done=state["done"],
        answers=state["answers"],
    )
    if request.method == "POST" and form.is_valid():
        try:
            reading_progress_save(
                person=request.user,
                registration=registration,
                reading=reading,
                read_item_ids=form.read_item_ids(),
                answers=form.answers(),
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your progress is saved.")
            return redirect(request.path)
    context = {"registration": registration, "reading": reading, "due_session": due_session, "form": form}
    return render(request, "feedback/participant/reading.html", {**context, **state})


@login_required
def reading(request, pk: int, reading_pk: int):
    registration = own_registration(request, pk)
    due = next((item for item in readings_for_registration(registration) if item.reading.pk == reading_pk), None)
    if due is None:
        raise Http404
    return _reading_page(request, reading=due.reading, due_session=due.session, registration=registration)


@login_required
def t4t_reading(request, reading_pk: int):
    """The T4T pre-reading, done before booking a T4T place (000:L404–406), for people accepted as trainers."""
    if not request.user.has_role(Role.TRAINER):
        raise Http404
    reading = get_object_or_404(ReadingPage.objects.live().filter(kind=ReadingPage.Kind.T4T_PRE_READING), pk=reading_pk)
    return _reading_page(request, reading=reading, due_session=None, registration=None)


def _own_day(registration: Registration, session_pk: int) -> Session:
    session = next((s for s in sessions_for_registration(registration) if s.pk == session_pk), None)
    if session is None:
        raise Http404
    return session


@login_required
def evaluation(request, pk: int, session_pk: int):
    registration = own_registration(request, pk)
    session = _own_day(registration, session_pk)
    context = {"registration": registration, "session": session}
    if EvaluationReceipt.objects.filter(session=session, registration=registration).exists():
        return render(request, "feedback/participant/evaluation_done.html", context)
    form_definition = evaluation_form_for(session)
    if form_definition is None:
        raise Http404
    opens, closes = evaluation_window(session, current_feedback_rules())
    if not can_evaluate(registration, session) or not opens <= timezone.localdate() <= closes:
        context.update(opens=opens, closes=closes, today=timezone.localdate())
        return render(request, "feedback/participant/evaluation_unavailable.html", context)
    version = form_definition.current_version
    prefetch_related_objects([session.cohort], TEAM)
    form = EvaluationResponseForm(posted(request), version=version, trainers=delivering_trainers(session.cohort))
    if request.method == "POST" and form.is_valid():
        try:
            evaluation_submit(registration=registration, session=session, answers=form.cleaned_data, actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Thank you: your evaluation is sent.")
            return redirect("feedback:course", pk=pk)
    return render(request, "feedback/participant/evaluation.html", {**context, "form": form, "version": version})


def cohort_trainers(registration: Registration):
    """The trainers a participant may share a reflection with: their cohort's team."""
    return User.objects.filter(delivery_assignments__cohort=registration.cohort).order_by("first_name", "last_name")


def _release(registration: Registration, questionnaire_pk: int):
    release = next(
        (
            r
            for r in questionnaire_schedule(registration, current_feedback_rules())
            if r.questionnaire.pk == questionnaire_pk
        ),
        None,
    )
    if release is None:
        raise Http404
    return release


@login_required
def questionnaire(request, pk: int, questionnaire_pk: int):
    """Write, save as a draft (a button, or the autosave script), send; then share and read comments."""
    registration = own_registration(request, pk)
    release = _release(registration, questionnaire_pk)
    questionnaire = release.questionnaire
    context = {"registration": registration, "release": release, "questionnaire": questionnaire}
    if not release.is_open(timezone.localdate()):
        return render(request, "feedback/participant/questionnaire_locked.html", context)
    if release.is_submitted:
        return _submitted(request, registration, release.entry, context)
    prompts = list(questionnaire.prompts.all())
    form = QuestionnaireForm(
        posted(request),
        prompts=prompts,
        principles=list(Principle.objects.all()),
        functions=list(KeyWorkingFunction.objects.all()),
        answers=release.entry.answers if release.entry else {},
    )
    autosave = request.headers.get("X-Autosave") == "1"
    if request.method == "POST" and form.is_valid():
        submit = request.POST.get("action") == "submit" and not autosave
        try:
            questionnaire_entry_save(
                registration=registration,
                questionnaire=questionnaire,
                answers=form.answers(),
                actor=request.user,
                submit=submit,
            )
        except ValidationError as error:
            if autosave:
                return JsonResponse({"saved": False, "error": " ".join(error.messages)}, status=400)
            form.add_error(None, error)
        else:
            if autosave:
                return JsonResponse({"saved": True, "at": timezone.localtime().strftime("%H:%M")})
            messages.success(request, "Sent. Thank you." if submit else "Your draft is saved.")
            return redirect("feedback:questionnaire", pk=pk, questionnaire_pk=questionnaire_pk)
    if autosave:
        return JsonResponse({"saved": False}, status=400)
    return render(
        request,
        "feedback/participant/questionnaire.html",
        {**context, "form": form, "blocks": [(prompt, form.fields_for(prompt)) for prompt in prompts]},
    )


def _submitted(request, registration, entry, context):
    share_form = ShareForm(initial={"trainer": entry.shared_with_id}, trainers=cohort_trainers(registration))
    return render(
        request,
        "feedback/participant/questionnaire_sent.html",
        {
            **context,
            "entry": entry,
            "answers": answer_lines(entry.questionnaire.prompts.all(), entry.answers),
            "share_form": share_form,
            "comments": list(entry.comments.select_related("author")),
            "comment_form": CommentForm(),
            "comment_url": reverse("feedback:questionnaire_comment", args=[registration.pk, entry.questionnaire_id]),
        },
    )


@login_required
@require_POST
def questionnaire_share(request, pk: int, questionnaire_pk: int):
    registration = own_registration(request, pk)
    release = _release(registration, questionnaire_pk)
    if release.entry is None:
        raise Http404
    form = ShareForm(request.POST, trainers=cohort_trainers(registration))
    if form.is_valid():
        try:
            questionnaire_entry_share(entry=release.entry, trainer=form.cleaned_data["trainer"], actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            trainer = form.cleaned_data["trainer"]
            messages.success(request, f"Shared with {trainer}." if trainer else "Your reflection is private again.")
    return redirect("feedback:questionnaire", pk=pk, questionnaire_pk=questionnaire_pk)


@login_required
@require_POST
def questionnaire_comment(request, pk: int, questionnaire_pk: int):
    registration = own_registration(request, pk)
    release = _release(registration, questionnaire_pk)
    form = CommentForm(request.POST)
    if release.entry is None:
        raise Http404
    if form.is_valid():
        try:
            entry_comment_add(entry=release.entry, author=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("feedback:questionnaire", pk=pk, questionnaire_pk=questionnaire_pk)


@login_required
def certificate(request, pk: int):
    """The printable certificate; asking for it issues it when both days were attended."""
    registration = own_registration(request, pk)
    if request.method == "POST":
        try:
            certificate_issue(registration=registration, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("feedback:course", pk=pk)
        return redirect("feedback:certificate", pk=pk)
    issued = getattr(registration, "certificate", None)
    if issued is None:
        raise Http404
    days = attended_days(registration, current_feedback_rules())
    return render(
        request,
        "feedback/participant/certificate.html",
        {
            "registration": registration,
            "certificate": issued,
            "days": days,
            "hours": sum(d.hours for d in days),
            # The address printed on paper is the site's public one, whatever host this request came in on.
            "check_url": absolute_url(reverse("feedback:certificate_check")),
        },
    )
