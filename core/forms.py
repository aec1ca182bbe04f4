"""The site's one way of drawing front-end forms (issue #23.3), after the GOV.UK Design System.

`SiteFormMixin` gives every front-end form the same behaviour, whatever its template:

- required answers left empty get a message that names the question ("Enter your first name",
  "Choose how you heard about the course"), built from the label unless the form gives its own in
  `error_messages` (a ModelForm's `Meta.error_messages` or the field's own);
- optional questions say "(optional)" in their label;
- drop-downs start with "Choose…", and radio groups have no empty "---------" button;
- the form draws itself and its fields with the site's templates (`SiteFormRenderer`), so the error
  summary, the message by each field and `aria-invalid` / `aria-describedby` are the same everywhere;
- `error_summary` (and its template filter) lists each error with the id it links to: a radio or
  checkbox group's first option.
"""

from django import forms
from django.forms.boundfield import BoundField
from django.forms.fields import Field
from django.forms.renderers import TemplatesSetting
from django.forms.utils import pretty_name

from core.models import ConsentPurpose, User
from core.roles import Role

#: Django's own text for a required field left empty, replaced by a specific one.
DEFAULT_REQUIRED = Field.default_error_messages["required"]
#: The first entry Django gives a drop-down (`BLANK_CHOICE_DASH`).
BLANK_LABEL = "---------"
CHOOSE = "Choose…"
OPTIONAL = "(optional)"


def error_target_id(bound: BoundField) -> str:
    """Where an error summary's link lands: the input itself, or a group's first option."""
    widget = bound.field.widget
    if isinstance(widget, forms.RadioSelect):  # to Django, a group of checkboxes is a kind of RadioSelect
        return widget.id_for_label(bound.auto_id, 0)
    return bound.id_for_label or bound.auto_id


def error_summary(form) -> list[tuple[str, str]]:
    """(id the entry links to, or "", message) for each of a form's errors, in the form's order.
    Works for any Django form, allauth's included, through the `error_summary` template filter."""
    entries = [("", str(error)) for error in form.non_field_errors()]
    for bound in form:
        entries += [(error_target_id(bound), str(error)) for error in bound.errors]
    return entries


class SiteFormRenderer(TemplatesSetting):
    """The project's templates (`templates/includes/`) for a whole form and for one field."""

    form_template_name = "includes/form.html"
    field_template_name = "includes/field.html"


def is_choice_group(widget) -> bool:
    return isinstance(widget, (forms.RadioSelect, forms.SelectMultiple))


def is_drop_down(widget) -> bool:
    return isinstance(widget, forms.Select) and not isinstance(widget, forms.SelectMultiple)


def required_message(label: str, widget) -> str:
    """ "Choose …" for a choice, "Tick …" for a single box, else "Enter …", from the field's label."""
    words = label.rstrip(" ?:")
    if len(words) > 1 and not words[1].isupper() and not words.startswith("I "):
        words = words[0].lower() + words[1:]
    if isinstance(widget, forms.CheckboxInput):
        return f"Tick the box to say: {words}"
    if is_choice_group(widget) or is_drop_down(widget):
        return f"Choose {words}"
    return f"Enter {words}"


class SiteFormMixin:
    """Put first in a front-end form's bases: `class CommentForm(SiteFormMixin, forms.Form)`.

    `marks_optional = False` for forms where nothing is required until the person sends them
    (a reflection saved as a draft), where "(optional)" would be untrue."""

    default_renderer = SiteFormRenderer
    marks_optional = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.apply_site_pattern()

    def full_clean(self) -> None:
        """One message per question (GOV.UK's error pattern): where an answer breaks several rules,
        such as a required answer left empty that the model's own rule asks for too, only the first
        is shown."""
        super().full_clean()
        for errors in self.errors.values():
            del errors[1:]

    def apply_site_pattern(self) -> None:
        """A form that adds fields in its own `__init__` calls this again at its end (it is idempotent)."""
        for name, field in self.fields.items():
            self.pattern_field(name, field)

    def pattern_field(self, name: str, field: Field) -> None:
        widget = field.widget
        if field.label is None:
            field.label = pretty_name(name)
        if field.required and str(field.label).endswith(f" {OPTIONAL}"):  # made required since the last pass
            field.label = str(field.label).removesuffix(f" {OPTIONAL}")
        if isinstance(widget, forms.RadioSelect) and not isinstance(widget, forms.CheckboxSelectMultiple):
            if isinstance(field, forms.ModelChoiceField):
                field.empty_label = None
            else:
                field.choices = [choice for choice in field.choices if choice[0] not in ("", None)]
        elif is_drop_down(widget):
            if isinstance(field, forms.ModelChoiceField):
                if field.empty_label == BLANK_LABEL:
                    field.empty_label = CHOOSE
            elif field.choices and field.choices[0] == ("", BLANK_LABEL):
                field.choices = [("", CHOOSE), *field.choices[1:]]
        if field.required and field.error_messages.get("required") in (DEFAULT_REQUIRED, None):
            field.error_messages["required"] = required_message(str(field.label), widget)
        single_box = isinstance(widget, forms.CheckboxInput)
        if self.marks_optional and not field.required and not single_box and not str(field.label).endswith(OPTIONAL):
            field.label = f"{field.label} {OPTIONAL}"


class SignupForm(SiteFormMixin, forms.Form):
    """Extra fields on allauth's sign-up form: the name we address people by."""

    first_name = forms.CharField(
        label="First name",
        max_length=150,
        error_messages={"required": "Enter your first name"},
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label="Last name",
        max_length=150,
        error_messages={"required": "Enter your last name"},
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])


class PreferencesForm(SiteFormMixin, forms.ModelForm):
    """A phone number: a Regional Facilitator's signs off their region's messages (issue #22); anyone
    else's is for their facilitator, to call them before the course (the preparation conversation,
    issue #21)."""

    class Meta:
        model = User
        fields = ["wants_optional_reminders", "phone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.has_role(Role.REGIONAL_FACILITATOR):
            self.fields["phone"].help_text = "Your Regional Facilitator may call you to help you get ready."


class ConsentForm(SiteFormMixin, forms.Form):
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
        self.apply_site_pattern()


def posted(request):
    """The submitted data on POST, else None: an empty POST is still a submission, so its errors show."""
    return request.POST if request.method == "POST" else None


def posted_files(request):
    return request.FILES if request.method == "POST" else None
