from django import forms

from core.models import ConsentPurpose, User
from core.roles import Role


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form: the name we address people by."""

    first_name = forms.CharField(
        label="First name", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label="Last name", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])


class PreferencesForm(forms.ModelForm):
    """A Regional Facilitator also gives the phone number their region's messages sign off with (issue #22)."""

    class Meta:
        model = User
        fields = ["wants_optional_reminders", "phone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.has_role(Role.REGIONAL_FACILITATOR):
            del self.fields["phone"]


class ConsentForm(forms.Form):
    """One yes/no question per purpose, each in its current wording."""

    CHOICES = [("yes", "Yes"), ("no", "No")]

    def __init__(self, *args, wordings, current, **kwargs):
        super().__init__(*args, **kwargs)
        for purpose in ConsentPurpose:
            decision = current.get(purpose.value)
            self.fields[purpose.value] = forms.ChoiceField(
                label=purpose.label,
                help_text=wordings[purpose].text,
                choices=self.CHOICES,
                widget=forms.RadioSelect,
                initial=None if decision is None else ("yes" if decision.given else "no"),
                required=False,
            )


def posted(request):
    """The submitted data on POST, else None: an empty POST is still a submission, so its errors show."""
    return request.POST if request.method == "POST" else None


def posted_files(request):
    return request.FILES if request.method == "POST" else None
