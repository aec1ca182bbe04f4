"""Programme admins process erasure requests in the Wagtail admin (DOMAIN.md §9, issue #7)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from core.models import User
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
    form = ErasureForm(request.POST if request.method == "POST" else None)
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
