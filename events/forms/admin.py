"""Forms for the Wagtail admin: the cohort editor and the state-change and import screens."""

from django import forms
from django.core.validators import FileExtensionValidator
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from core.models import LocalAuthority
from events.access import managed_regions
from events.models import Cohort, Venue
from events.models.choices import CancellationReason
from events.models.cohorts import session_path_problems

MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class CohortAdminForm(WagtailAdminModelForm):
    """A facilitator can only place a cohort in their own regions (DOMAIN.md §2)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions = managed_regions(self.for_user)
        self.fields["region"].queryset = regions
        self.fields["local_authority"].queryset = LocalAuthority.objects.filter(region__in=regions)
        self.fields["venue"].queryset = Venue.objects.filter(region__in=regions)

    def clean(self):
        cleaned_data = super().clean()
        sessions = self.formsets["sessions"]
        courses = [
            form.cleaned_data["course"]
            for form in sessions.forms
            if form.is_valid() and form.cleaned_data.get("course") and not form.cleaned_data.get("DELETE")
        ]
        if cleaned_data.get("path") and courses:
            for problem in session_path_problems(cleaned_data["path"], courses):
                self.add_error("path", problem)
        return cleaned_data


class VenueAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = managed_regions(self.for_user)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), help_text="The person whose place is cancelled is told this."
    )


class CohortCancelForm(forms.Form):
    """Why a cohort is cancelled, from the list the fidelity dashboard counts (issue #21 point 3);
    `cohort_cancel` checks that "Other" comes with words."""

    reason_code = forms.ChoiceField(
        label="Why is the cohort cancelled?", choices=CancellationReason.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label="More about why",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed for “Other”. Everyone registered and the trainers are told the reason.",
    )


class ConfirmForm(forms.Form):
    override_reason = forms.CharField(
        label="Why confirm it although the mix rule is not met?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only needed when the cohort does not meet the mix rule. It is kept with the cohort.",
    )


class MoveDay1Form(forms.Form):
    to_cohort = forms.ModelChoiceField(label="Cohort whose Day 1 they will attend", queryset=Cohort.objects.none())

    def __init__(self, *args, cohorts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_cohort"].queryset = cohorts


class Day1EquivalentForm(forms.Form):
    completed_on = forms.DateField(label="When they did Day 1 or its equivalent", widget=AdminDateInput)
    note = forms.CharField(max_length=300, help_text="What it was and where, for example “Day 1 in Leeds, 2024”.")


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Spreadsheet of registrations",
        help_text="A CSV or Excel (.xlsx) file with one person per row, in the columns of the template.",
        validators=[FileExtensionValidator(["csv", "xlsx"])],
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is larger than 2 MB.")
        return upload
