"""The forms participants and trainers fill in on the public site, in plain English (DOMAIN.md §10)."""

from django import forms

from core.forms import SiteFormMixin
from events.models import Preparation, Registration
from events.models.choices import ApplyingAs, OrganisationType, Relation, Sector, WorkSetting, YearsExperience
from events.selectors.sessions import sessions_for_registration

#: Questions about work: only for people coming as a practitioner (issue #23.2; 000 Appendix 6).
WORK_FIELDS = ("sectors", "organisation", "organisation_type", "job_title", "work_setting", "years_experience")
#: How someone is related to the child: for parent carers and other family members.
FAMILY_FIELDS = ("relation_to_child",)
#: What is stored for a question someone is not asked.
NOT_ASKED = {
    "sectors": [],
    "organisation": "",
    "organisation_type": OrganisationType.NONE,
    "job_title": "",
    "work_setting": WorkSetting.NOT_APPLICABLE,
    "years_experience": YearsExperience.NOT_APPLICABLE,
    "relation_to_child": Relation.NOT_APPLICABLE,
}
#: Answers that only mean "this question is not for me", so not offered to people who are asked it.
NOT_APPLICABLE = {name: value for name, value in NOT_ASKED.items() if value}

#: The form's sections; a section with none of a person's questions is left out.
SECTIONS = [
    ("About you", ["experience", "how_heard"]),
    ("Your work", list(WORK_FIELDS)),
    ("Your family", list(FAMILY_FIELDS)),
    ("Taking part", ["access_needs", "accredited_route"]),
]


def asked(applying_as: str) -> set[str]:
    """The questions for someone coming as `applying_as`: parent carers and young people are not
    asked about work, practitioners are not asked about family (issue #23.2)."""
    questions = set(Registration.ANSWER_FIELDS) - set(WORK_FIELDS) - set(FAMILY_FIELDS) - {"applying_as"}
    if applying_as in (ApplyingAs.PROFESSIONAL, ApplyingAs.BOTH):
        questions |= set(WORK_FIELDS)
    if applying_as in (ApplyingAs.PARENT_CARER, ApplyingAs.BOTH, ApplyingAs.FAMILY_MEMBER):
        questions |= set(FAMILY_FIELDS)
    return questions


class ComingAsForm(SiteFormMixin, forms.Form):
    """The first step: who someone is coming as decides which questions follow. A GET form, so it
    works without JavaScript and the choice stays in the address (`?as=`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["as"] = forms.ChoiceField(
            label="I am coming as",
            choices=ApplyingAs.choices,
            widget=forms.RadioSelect,
            error_messages={"required": "Choose who you are coming as"},
        )
        self.apply_site_pattern()


class RegistrationForm(SiteFormMixin, forms.ModelForm):
    sectors = forms.MultipleChoiceField(
        label="Which sectors do you work in?",
        choices=Sector.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose all that apply.",
    )

    class Meta:
        model = Registration
        fields = Registration.ANSWER_FIELDS
        widgets = {
            "experience": forms.RadioSelect,
            "relation_to_child": forms.RadioSelect,
            "access_needs": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "experience": "How much do you know about Early Support and key working already?",
            "organisation": "Which organisation do you work for?",
            "organisation_type": "Type of organisation",
            "job_title": "Job title",
            "work_setting": "Do you work in a mainstream or a special setting?",
            "years_experience": "How many years have you worked with children or young people with additional needs?",
            "relation_to_child": "How are you related to the child or young person?",
            "how_heard": "How did you hear about the course?",
            "access_needs": "Is there anything that would help you take part?",
            "accredited_route": "I would like my learning to count towards a qualification",
            "ethnicity": "Ethnic group",
            "sex": "Sex",
            "age_band": "Age",
        }
        help_texts = {
            "access_needs": "For example help with getting in, hearing or seeing, food, breaks or caring.",
            # A university partner recognises the learning in a postgraduate certificate (000:L2171–2178).
            "accredited_route": "Tick this if you want what you learn to count towards a university certificate.",
        }
        error_messages = {
            "experience": {"required": "Choose how much you know about Early Support and key working"},
            "how_heard": {"required": "Choose how you heard about the course"},
            "years_experience": {"required": "Choose how many years you have worked with children or young people"},
            "relation_to_child": {"required": "Choose how you are related to the child or young person"},
            "organisation": {"required": "Enter the organisation you work for"},
            "sectors": {"required": "Choose at least one sector you work in"},
        }

    def __init__(self, *args, applying_as: str, **kwargs):
        self.applying_as = applying_as
        super().__init__(*args, instance=Registration(applying_as=applying_as), **kwargs)
        questions = asked(applying_as)
        for name in [name for name in self.fields if name not in questions]:
            del self.fields[name]
        # The error summary lists errors in the order the page shows the questions.
        self.order_fields([name for _, names in SECTIONS for name in names] + list(Registration.EQUALITY_FIELDS))
        for name, not_applicable in NOT_APPLICABLE.items():
            if name in self.fields:
                self.fields[name].choices = [c for c in self.fields[name].choices if c[0] != not_applicable]
        for name in ("sectors", "organisation", "relation_to_child"):  # optional in the model, asked of some
            if name in self.fields:
                self.fields[name].required = True
                self.fields[name].error_messages["required"] = self.Meta.error_messages[name]["required"]
        if applying_as == ApplyingAs.BOTH:
            self.fields[
                "years_experience"
            ].label = (
                "How many years have you worked with, or lived with, children or young people with additional needs?"
            )
        if "organisation" in self.fields:
            self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
            self.fields["job_title"].widget.attrs["autocomplete"] = "organization-title"
        self.apply_site_pattern()

    def sections(self):
        return [
            (title, [self[name] for name in names if name in self.fields])
            for title, names in SECTIONS
            if any(name in self.fields for name in names)
        ]

    def equality_fields(self):
        return [self[name] for name in Registration.EQUALITY_FIELDS]

    def answers(self) -> dict:
        answers = {**NOT_ASKED, "applying_as": self.applying_as}
        if self.applying_as == ApplyingAs.YOUNG_PERSON:
            answers["relation_to_child"] = Relation.SELF
        return {**answers, **{name: self.cleaned_data[name] for name in self.fields}}


class PreparationForm(SiteFormMixin, forms.ModelForm):
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
