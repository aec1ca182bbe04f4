"""The forms trainers and candidates fill in on the site, in plain English (DOMAIN.md §10)."""

from django import forms

from core.forms import SiteFormMixin
from core.models import Region
from courses.models import PersonSpecificationCriterion
from trainers.models import Application, Background, CriterionAssessment, DeliveryChecklist, TrainingExperience
from trainers.services.assessments import CriterionRating

LEAD = PersonSpecificationCriterion.AppliesTo.LEAD_TRAINERS


def _statement_field(criterion: PersonSpecificationCriterion) -> forms.CharField:
    lead = criterion.applies_to == LEAD
    return forms.CharField(
        label=f"Lead Trainer: {criterion.text}" if lead else criterion.text,
        required=not lead,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Only if you are applying to be a Lead Trainer. " * lead
        + "An example from your work or life that shows this.",
    )


class ApplicationForm(SiteFormMixin, forms.Form):
    """CV, a statement per criterion and, for Lead Trainer, a supporting statement (000:L1940–1944,
    L2029–2033). `criteria` are those that apply; Lead ones are required only when applying to lead."""

    region = forms.ModelChoiceField(
        label="Region you live or work in", queryset=Region.objects.all(), empty_label="Choose…"
    )
    background = forms.ChoiceField(label="I come to training as", choices=Background.choices, widget=forms.RadioSelect)
    training_experience = forms.ChoiceField(
        label="My experience of delivering training", choices=TrainingExperience.choices, widget=forms.RadioSelect
    )
    cv = forms.FileField(
        label="Your CV",
        help_text="A PDF, Word, OpenDocument, RTF or text file, up to 5 MB. Only you and the people assessing "
        "your application can open it.",
        validators=Application._meta.get_field("cv").validators,
    )
    for_lead = forms.BooleanField(label="I am also applying to be a Lead Trainer", required=False)
    lead_statement = forms.CharField(
        label="Supporting statement for the Lead Trainer role",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Only if you are applying to be a Lead Trainer: why you are suited to the role.",
    )

    def __init__(self, *args, criteria: list[PersonSpecificationCriterion], lead_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        if lead_only:
            for name in ("region", "background", "training_experience"):
                del self.fields[name]
            self.fields["for_lead"].initial = True
            self.fields["for_lead"].widget = forms.HiddenInput()
        for criterion in criteria:
            self.fields[f"statement_{criterion.pk}"] = _statement_field(criterion)
        lead_fields = ["for_lead", "lead_statement"]
        lead_fields += [f"statement_{c.pk}" for c in criteria if c.applies_to == LEAD]
        self.order_fields([name for name in self.fields if name not in lead_fields] + lead_fields)
        self.apply_site_pattern()

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("for_lead"):
            if not cleaned_data.get("lead_statement", "").strip():
                self.add_error("lead_statement", "Write a supporting statement to apply as a Lead Trainer.")
            for criterion in self.criteria:
                name = f"statement_{criterion.pk}"
                if criterion.applies_to == LEAD and not cleaned_data.get(name, "").strip():
                    self.add_error(name, "Write a statement for this Lead Trainer criterion.")
        return cleaned_data

    def statements(self) -> dict[int, str]:
        applies = [c for c in self.criteria if c.applies_to != LEAD or self.cleaned_data.get("for_lead")]
        return {criterion.pk: self.cleaned_data[f"statement_{criterion.pk}"] for criterion in applies}

    def details(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("background", "training_experience") if name in self.fields}


class AssessmentForm(SiteFormMixin, forms.Form):
    """A rating and evidence notes per criterion; criteria left unrated are not recorded this time."""

    source = forms.ChoiceField(label="Where the evidence comes from", widget=forms.RadioSelect)

    def __init__(self, *args, criteria: list[PersonSpecificationCriterion], sources: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        self.fields["source"].choices = [c for c in CriterionAssessment.Source.choices if c[0] in sources]
        if len(sources) == 1:
            self.fields["source"].initial = sources[0]
            self.fields["source"].widget = forms.HiddenInput()
        for criterion in criteria:
            self.fields[f"rating_{criterion.pk}"] = forms.ChoiceField(
                label=criterion.text,
                choices=[("", "Not assessed this time"), *CriterionAssessment.Rating.choices],
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"evidence_{criterion.pk}"] = forms.CharField(
                label="Evidence notes",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.apply_site_pattern()

    def rows(self):
        return [(c, self[f"rating_{c.pk}"], self[f"evidence_{c.pk}"]) for c in self.criteria]

    def ratings(self) -> list[CriterionRating]:
        return [
            CriterionRating(c, self.cleaned_data[f"rating_{c.pk}"], self.cleaned_data[f"evidence_{c.pk}"])
            for c in self.criteria
            if self.cleaned_data[f"rating_{c.pk}"]
        ]


class ChecklistForm(SiteFormMixin, forms.ModelForm):
    introduction_reread = forms.BooleanField(
        label="I have re-read the Introduction for Trainers for this delivery",
        required=False,
        # 000:L2071–2077
        help_text="It must be revisited before every delivery. Ticking it records today's date.",
    )

    class Meta:
        model = DeliveryChecklist
        fields = [name for name, _ in DeliveryChecklist.TICKS]

    def ticks(self) -> dict[str, bool]:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class ReflectionForm(SiteFormMixin, forms.Form):
    reflection = forms.CharField(
        label="Your reflection",
        widget=forms.Textarea(attrs={"rows": 8}),
        # The trainer interview's questions, 000:L7257–7287.
        help_text="What went well and what you would change; what you brought as a trainer; how the group "
        "responded to the principles and activities; what you want to work on next.",
    )


class T4TPlanForm(SiteFormMixin, forms.Form):
    """Each candidate's group (prefilled with the suggestion) and each group's part to deliver."""

    def __init__(self, *args, places, suggested: dict[int, int], group_count: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.places = places
        numbers = [(n, f"Group {n}") for n in range(1, max(group_count, 1) + 1)]
        for place in places:
            self.fields[f"group_{place.pk}"] = forms.TypedChoiceField(
                label=f"Group for {place.profile}",
                choices=numbers,
                coerce=int,
                initial=place.group_number or suggested.get(place.pk, 1),
            )
        parts = {place.group_number: place.part_to_deliver for place in places if place.group_number}
        for number, _ in numbers:
            self.fields[f"part_{number}"] = forms.CharField(
                label=f"Part group {number} delivers",
                required=False,
                initial=parts.get(number, ""),
                help_text="For example “Section 5, activity 5.2”. Candidates see it on the day.",
            )
        self.apply_site_pattern()

    def plan(self) -> dict[int, tuple[int, str]]:
        return {
            place.pk: (group, self.cleaned_data.get(f"part_{group}", ""))
            for place in self.places
            for group in [self.cleaned_data[f"group_{place.pk}"]]
        }
