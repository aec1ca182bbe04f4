"""The forms participants and trainers fill in on the public site, in plain English (DOMAIN.md §10)."""

from django import forms

from events.models import Preparation, Registration
from events.models.choices import ApplyingAs, Sector
from events.selectors.sessions import sessions_for_registration

#: The form's sections, so a parent carer can skip what is about work (000 Appendix 6).
SECTIONS = [
    ("About you", ["applying_as", "experience", "years_experience", "how_heard"]),
    (
        "Your work",
        ["sectors", "organisation", "organisation_type", "job_title", "work_setting"],
    ),
    ("Your family", ["relation_to_child"]),
    ("Taking part", ["access_needs", "accredited_route"]),
]


class RegistrationForm(forms.ModelForm):
    sectors = forms.MultipleChoiceField(
        label="Sectors you work in",
        choices=Sector.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose all that apply. Leave empty if you are not coming as a practitioner.",
    )

    class Meta:
        model = Registration
        fields = Registration.ANSWER_FIELDS
        widgets = {
            "applying_as": forms.RadioSelect,
            "experience": forms.RadioSelect,
            "access_needs": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "applying_as": "I am coming as",
            "experience": "How much do you know about Early Support and key working already?",
            "organisation": "Organisation you work for",
            "relation_to_child": "Your relation to the child or young person",
            "ethnicity": "Ethnic group (optional)",
            "sex": "Sex (optional)",
            "age_band": "Age (optional)",
        }
        help_texts = {
            "organisation": "Leave empty if you are coming as a parent carer or family member.",
            "job_title": "Leave empty if you are coming as a parent carer or family member.",
            "relation_to_child": "For parent carers and family members.",
            # A university partner recognises the learning in a postgraduate certificate (000:L2171–2178).
            "accredited_route": "Tick this if you want what you learn to count towards a university certificate.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("applying_as", "experience"):
            self.fields[name].choices = [choice for choice in self.fields[name].choices if choice[0]]
        for name in ("organisation_type", "work_setting", "relation_to_child", *Registration.EQUALITY_FIELDS):
            self.fields[name].choices = [("", "Choose…"), *self.fields[name].choices[1:]]
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["job_title"].widget.attrs["autocomplete"] = "organization-title"

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in SECTIONS]

    def equality_fields(self):
        return [self[name] for name in Registration.EQUALITY_FIELDS]

    def answers(self) -> dict:
        return {name: self.cleaned_data[name] for name in Registration.ANSWER_FIELDS}


class PreparationForm(forms.ModelForm):
    class Meta:
        model = Preparation
        fields = Preparation.EDITABLE_FIELDS
        widgets = {
            "role": forms.RadioSelect,
            "access_arrangements": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, registration: Registration, **kwargs):
        super().__init__(*args, **kwargs)
        sessions = sessions_for_registration(registration)
        self.fields["planned_session"].queryset = self.fields["planned_session"].queryset.filter(
            pk__in=[session.pk for session in sessions]
        )
        if registration.applying_as != ApplyingAs.YOUNG_PERSON:
            del self.fields["planned_session"], self.fields["planned_activity"]

    def changes(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields}
