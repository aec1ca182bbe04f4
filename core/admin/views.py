"""Programme admins' screens in the Wagtail admin: erasure requests (DOMAIN.md §9, issue #7) and the
messages' templates (issue #7 point 2)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from core.forms import posted
from core.models import MessageTemplate, User
from core.notifications import message_types
from core.notifications.editing import edit_history, message_template_reset, message_template_save
from core.notifications.registry import get_message_type
from core.notifications.rendering import check_sources, current_sources, sample_preview, variables
from core.privacy.services import person_erase, personal_data_export


class ErasureForm(forms.Form):
    email = forms.EmailField(label="Email address of the person", help_text="As it is on their account.")
    reason = forms.CharField(
        label="Why", widget=forms.Textarea(attrs={"rows": 3}), help_text="For example: asked by email on 3 March."
    )
    confirm = forms.BooleanField(
        label="I understand this cannot be undone", required=False, help_text="Leave unticked to see what would go."
    )

    def clean_email(self):
        try:
            return User.objects.get(email__iexact=self.cleaned_data["email"], is_active=True)
        except User.DoesNotExist:
            raise ValidationError("There is no active account with this email address.") from None


def erasure(request):
    if not request.user.has_perm("core.delete_user"):
        raise PermissionDenied
    form = ErasureForm(posted(request))
    preview = None
    if form.is_valid():
        person = form.cleaned_data["email"]
        if not form.cleaned_data["confirm"]:
            preview = {section: len(rows) for section, rows in personal_data_export(person=person).items()}
        else:
            try:
                person_erase(person=person, actor=request.user, reason=form.cleaned_data["reason"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "The person's data has been erased. Totals and other people's records stay.")
                return redirect("core_erasure")
    return TemplateResponse(request, "core/admin/erasure.html", {"form": form, "preview": preview})


class MessageTemplateForm(forms.Form):
    subject = forms.CharField(label="Subject", max_length=250)
    body_text = forms.CharField(label="Plain text", widget=forms.Textarea(attrs={"rows": 16}), strip=False)
    body_html = forms.CharField(
        label="HTML",
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        strip=False,
        help_text="Leave empty to send the plain text as HTML: paragraphs kept, web addresses as links.",
    )


def _can_edit_messages(request) -> None:
    if not request.user.has_perm("core.change_messagetemplate"):
        raise PermissionDenied


def message_templates(request):
    """Every registered message, and whether programme admins have edited it (issue #7 point 2)."""
    _can_edit_messages(request)
    edited = dict(MessageTemplate.objects.values_list("message", "updated_at"))
    rows = [(message_type, edited.get(message_type.name)) for message_type in message_types()]
    return TemplateResponse(request, "core/admin/message_templates.html", {"rows": rows})


def _preview(message_type, sources: dict[str, str]) -> tuple:
    """(preview, is_sample): a real message's details when one was sent, else sample values."""
    preview = check_sources(message_type, sources)
    return (preview, False) if preview else (sample_preview(sources), True)


def message_template_edit(request, name: str):
    _can_edit_messages(request)
    try:
        message_type = get_message_type(name)
    except ValueError:
        raise Http404 from None
    sources, edited = current_sources(message_type)
    form = MessageTemplateForm(posted(request), initial=sources)
    preview, is_sample = None, False
    if request.method == "POST" and "reset" in request.POST:
        message_template_reset(message_type=message_type, actor=request.user)
        messages.success(request, f"“{message_type.label}” uses its default templates again.")
        return redirect("core_message_template_edit", name=name)
    if form.is_valid():
        try:
            if "preview" in request.POST:
                preview, is_sample = _preview(message_type, form.cleaned_data)
            else:
                message_template_save(message_type=message_type, sources=form.cleaned_data, actor=request.user)
                messages.success(request, f"“{message_type.label}” saved: new messages of this kind use it.")
                return redirect("core_message_template_edit", name=name)
        except ValidationError as error:
            for field, field_errors in error.message_dict.items():
                form.add_error(field, field_errors)
    elif request.method == "GET":
        try:
            preview, is_sample = _preview(message_type, sources)
        except ValidationError:
            preview = None
    context = {
        "message_type": message_type,
        "form": form,
        "edited": edited,
        "preview": preview,
        "is_sample": is_sample,
        "variables": variables(message_type),
        "history": edit_history(message_type),
    }
    return TemplateResponse(request, "core/admin/message_template_edit.html", context)
