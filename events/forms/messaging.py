"""The cohort page's messaging forms (issue #22 point 2): thin, the rules are in the services."""

from django import forms
from django.utils.dateformat import format as format_date

from events.models import Registration
from events.services.cohort_messages import SUBJECT_MAX_LENGTH, Audience

#: Words a facilitator can start from instead of a blank message; they change them before sending.
#: How a starter marks what the facilitator must write in.
STARTER_GAP = "[write "
STARTERS = {
    "reading": (
        "Please do the reading before the course",
        "Before the course, please read the pre-reading linked from your course page. It takes about "
        "an hour and helps you get the most from the days. If you would like it printed or in another "
        "format, reply to this email.",
    ),
    "venue": (
        "Getting to the course",
        "Getting there: [write how to get to the venue: buses, trains, parking, the step-free way in]. "
        "On the day: [write when to arrive, where to go when you get there, and what is provided, such as lunch].",
    ),
    "place": (
        "Please tell us if you can still come",
        "Your place on the course is waiting for you. If you can no longer come, please reply to this "
        "email so that we can offer your place to someone on the waiting list.",
    ),
}


class CohortMessageForm(forms.Form):
    audience = forms.ChoiceField(
        label="Who is it for?",
        choices=Audience.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who the message is for."},
    )
    subject = forms.CharField(
        label="Subject", max_length=SUBJECT_MAX_LENGTH, error_messages={"required": "Write a subject."}
    )
    text = forms.CharField(
        label="Message",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Write the message."},
        help_text="Plain text. Web addresses become links. We add a greeting and your name and contact details.",
    )
    optional = forms.BooleanField(
        label="This is only a reminder",
        required=False,
        help_text="People who asked us to stop optional reminders will not get it.",
    )

    def clean_text(self) -> str:
        """A starter's "[write …]" parts are for the facilitator to fill in, never to be sent as they are."""
        text = self.cleaned_data["text"]
        if STARTER_GAP in text:
            raise forms.ValidationError("Replace the parts in square brackets with your own words.", code="gap")
        return text

    def __init__(self, *args, counts: dict[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience"].choices = [
            (value, f"{label} ({counts.get(value, 0)})") for value, label in Audience.choices
        ]


class DueMessageSendForm(forms.Form):
    """Everyone who has not had it, or one person (who gets it again even if they had it)."""

    registration = forms.ModelChoiceField(
        label="Who should get it?",
        queryset=Registration.objects.none(),
        required=False,
        empty_label="Everyone with a confirmed place who has not had it",
    )

    def __init__(self, *args, registrations, sessions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registration"].queryset = registrations
        self.fields["registration"].label_from_instance = lambda registration: str(registration.person)
        if sessions is not None:
            self.fields["session"] = forms.ModelChoiceField(label="Which day?", queryset=sessions, empty_label=None)
            self.fields["session"].label_from_instance = lambda session: (
                f"{session.course.title}, {format_date(session.date, 'j F Y')}"
            )
