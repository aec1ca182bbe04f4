"""Forms for the trainers screens of the Wagtail admin: decisions, reasons, mentors, the team."""

from django import forms
from wagtail.admin.widgets import AdminDateInput

from core.models import User
from trainers.models import Application, TrainerProfile
from trainers.services.rostering import duplicate_roles


def lead_trainers():
    return User.objects.filter(trainer_profile__in=TrainerProfile.objects.lead_trainers()).order_by(
        "last_name", "first_name"
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), help_text="Kept with the trainer's record and sent to them."
    )


class LeadTrainerForm(forms.Form):
    """Choose an active Lead Trainer: as a mentor, or as the assessor of an application."""

    person = forms.ModelChoiceField(label="Lead Trainer", queryset=User.objects.none())

    def __init__(self, *args, exclude: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = lead_trainers().exclude(pk=exclude.pk)


class PrereadingForm(forms.Form):
    completed_on = forms.DateField(label="When they completed the T4T pre-reading", widget=AdminDateInput)
    note = forms.CharField(max_length=300, required=False, help_text="For example “Read on paper, discussed by phone”.")


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=[c for c in Application.Status.choices if c[0] != Application.Status.SUBMITTED],
        widget=forms.RadioSelect,
    )
    development_needs = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        # 000:L2018–2026
        help_text="With development needs: what they are, for example “initial shadowing”.",
    )
    reasons = forms.CharField(
        label="Reasons for declining",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only when declining. The applicant is told them.",
    )


class TeamForm(forms.Form):
    """The whole team at once: the rules judge the team, not one person at a time."""

    lead = forms.ModelChoiceField(label="Lead trainer", queryset=User.objects.none(), required=False)
    co_trainers = forms.ModelMultipleChoiceField(
        label="Co-trainers", queryset=User.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    shadows = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Shadows observe and do not count as trainers on the team.",
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.queryset = people

    def clean(self):
        """Refuse one person in two roles by the box where they were ticked again, before anything
        is saved; the rule and its words are the rostering service's (`duplicate_roles`)."""
        cleaned = super().clean()
        duplicates = duplicate_roles(
            lead=cleaned.get("lead"), co_trainers=cleaned.get("co_trainers", []), shadows=cleaned.get("shadows", [])
        )
        for name, errors in duplicates.items():
            self.add_error(name, errors)
        return cleaned
