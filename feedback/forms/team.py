"""Forms the trainers use on the day and after it: the register, sections, questions, material, incidents."""

from django import forms
from django.core.validators import FileExtensionValidator

from feedback.forms.widgets import FlatRadioSelect, FlatTextInput
from feedback.models import (
    AttendanceStatus,
    CriticalIncident,
    DeliveryIssue,
    OpenQuestion,
    SectionDelivery,
    SessionMaterial,
    TrainerReflection,
)
from feedback.models.materials import NOTE_TYPES, PHOTO_TYPES

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class RegisterForm(forms.Form):
    """One radio group and a note per person, all saved together (no JavaScript needed)."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            pk = row.registration.pk
            self.fields[f"status_{pk}"] = forms.ChoiceField(
                label=f"Attendance of {row.registration.person}",
                choices=AttendanceStatus.choices,
                widget=FlatRadioSelect,
                required=False,
                initial=row.attendance.status if row.attendance else None,
            )
            self.fields[f"note_{pk}"] = forms.CharField(
                label="Note (optional)",
                max_length=300,
                widget=FlatTextInput,
                required=False,
                initial=row.attendance.note if row.attendance else "",
            )

    def bound_rows(self):
        return [(row, self[f"status_{row.registration.pk}"], self[f"note_{row.registration.pk}"]) for row in self.rows]

    def marks(self, *, everyone_present: bool = False) -> dict[int, tuple[str, str]]:
        """{registration id: (status, note)} for the people given a mark. With `everyone_present`
        ("Mark everyone present"), everyone not given another mark in this form is present."""
        marks = {}
        for row in self.rows:
            pk = row.registration.pk
            status = self.cleaned_data.get(f"status_{pk}") or (AttendanceStatus.PRESENT if everyone_present else "")
            if status:
                marks[pk] = (status, self.cleaned_data.get(f"note_{pk}", ""))
        return marks


class SectionsForm(forms.Form):
    def __init__(self, *args, sections, recorded, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = sections
        for section in sections:
            done = recorded.get(section.pk)
            self.fields[f"outcome_{section.pk}"] = forms.ChoiceField(
                label=f"Section {section.number}: {section.title}",
                choices=[("", "Not recorded"), *SectionDelivery.Outcome.choices],
                required=False,
                initial=done.outcome if done else "",
            )
            self.fields[f"minutes_{section.pk}"] = forms.IntegerField(
                label="Actual minutes",
                min_value=0,
                max_value=600,
                required=False,
                help_text=f"Planned: {section.planned_minutes} minutes" if section.planned_minutes else "",
                initial=done.actual_minutes if done else None,
            )
            self.fields[f"note_{section.pk}"] = forms.CharField(
                label="What changed and why", max_length=500, required=False, initial=done.note if done else ""
            )

    def clean(self):
        """Minutes or a note typed for a section are never dropped without a word: without an
        outcome they could not be saved, so the form says so (issue #21 point 5)."""
        cleaned_data = super().clean()
        for section in self.sections:
            typed = cleaned_data.get(f"minutes_{section.pk}") is not None or cleaned_data.get(f"note_{section.pk}")
            if typed and not cleaned_data.get(f"outcome_{section.pk}"):
                self.add_error(
                    f"outcome_{section.pk}",
                    f"Choose whether section {section.number} was covered, shortened or skipped, "
                    "so that its minutes and note can be saved.",
                )
        return cleaned_data

    def bound_sections(self):
        return [
            (section, [self[f"{name}_{section.pk}"] for name in ("outcome", "minutes", "note")])
            for section in self.sections
        ]

    def rows(self) -> list[dict]:
        return [
            {
                "section": section,
                "outcome": self.cleaned_data[f"outcome_{section.pk}"],
                "actual_minutes": self.cleaned_data.get(f"minutes_{section.pk}"),
                "note": self.cleaned_data.get(f"note_{section.pk}", ""),
            }
            for section in self.sections
            if self.cleaned_data.get(f"outcome_{section.pk}")
        ]


class IssueForm(forms.ModelForm):
    class Meta:
        model = DeliveryIssue
        fields = ["kind", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class QuestionForm(forms.ModelForm):
    class Meta:
        model = OpenQuestion
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": "A question we could not answer on the day"}


class EscalateForm(forms.Form):
    to = forms.ChoiceField(label="Ask", choices=OpenQuestion.EscalatedTo.choices, widget=forms.RadioSelect)
    note = forms.CharField(label="Who, and how to reach them (optional)", max_length=300, required=False)


class AnswerForm(forms.Form):
    answer = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="It is emailed to everyone on the cohort and shown on their course page.",
    )


class MaterialForm(forms.Form):
    kind = forms.ChoiceField(choices=SessionMaterial.Kind.choices, widget=forms.RadioSelect, initial="photo")
    file = forms.FileField(
        required=False,
        help_text="A photo (JPEG, PNG or WebP) or notes (PDF or text), up to 10 MB.",
        validators=[FileExtensionValidator(list(NOTE_TYPES))],
    )
    text = forms.CharField(label="Or type the notes", widget=forms.Textarea(attrs={"rows": 4}), required=False)
    caption = forms.CharField(max_length=200, help_text="What it shows, for people who cannot see the picture.")
    shows_people = forms.BooleanField(label="People can be seen in it", required=False)
    tagged = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Who can be seen in it",
        help_text="A photo showing people is shared only when everyone tagged has agreed to photos.",
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tagged"].queryset = people

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return upload
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("Choose a file of 10 MB or less.")
        if upload.name.rsplit(".", 1)[-1].lower() in PHOTO_TYPES:
            forms.ImageField().clean(upload)  # a real picture, not something renamed
        return upload


class IncidentForm(forms.ModelForm):
    class Meta:
        model = CriticalIncident
        fields = ["what_happened", "response"]
        widgets = {"what_happened": forms.Textarea(attrs={"rows": 5}), "response": forms.Textarea(attrs={"rows": 4})}


class TrainerReflectionForm(forms.ModelForm):
    class Meta:
        model = TrainerReflection
        fields = list(TrainerReflection.ANSWER_FIELDS)
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in TrainerReflection.ANSWER_FIELDS}
