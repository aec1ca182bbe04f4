"""Existing trainers and their accreditation status as spreadsheet rows (issue #5 point 8).

Trainers trained before the platform are recorded where they stand on the pathway, with the date
they got there and their mentor, through `trainer_record_existing`, the service bootstrap uses too.
Choices are written as codes or as their labels; the same columns come back out in the template.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from import_export import resources, widgets
from import_export.fields import Field

from core.models import Region, User
from events.resources import ChoiceWidget
from trainers.models import Background, Stage, TrainerProfile, TrainingExperience
from trainers.models.choices import PATHWAY
from trainers.services.pathway import trainer_record_existing


class RegionWidget(widgets.Widget):
    """A region by its code (E12000007) or its name (London)."""

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        region = Region.objects.filter(Q(code__iexact=text) | Q(name__iexact=text)).first() if text else None
        if region is None:
            raise ValueError(f"Unknown region “{text}”. Use a region's name, such as London.")
        return region

    def render(self, value, obj=None, **kwargs):
        return value.name if value else ""


class DayWidget(widgets.DateWidget):
    """Dates as 2026-03-31 or 31/03/2026, never in the American order."""

    def __init__(self):
        super().__init__()
        self.formats = ("%Y-%m-%d", "%d/%m/%Y")

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except ValueError:
            raise ValueError(f"“{value}” is not a date: write it as 2026-03-31 or 31/03/2026.") from None


def _email(row: dict, column: str) -> str:
    return str(row.get(column) or "").strip().lower()


class TrainerResource(resources.ModelResource):
    email = Field(attribute="person__email", column_name="email", readonly=True)
    first_name = Field(attribute="person__first_name", column_name="first_name", readonly=True)
    last_name = Field(attribute="person__last_name", column_name="last_name", readonly=True)
    region = Field(attribute="region", column_name="region", widget=RegionWidget())
    background = Field(
        attribute="background", column_name="background", widget=ChoiceWidget(Background, what="background")
    )
    training_experience = Field(
        attribute="training_experience",
        column_name="training_experience",
        widget=ChoiceWidget(TrainingExperience, what="training experience"),
    )
    stage = Field(attribute="stage", column_name="stage", widget=ChoiceWidget(Stage, what="stage"))
    stage_reached_on = Field(column_name="stage_reached_on", widget=DayWidget(), readonly=True)
    mentor_email = Field(attribute="mentor__email", column_name="mentor_email", readonly=True)

    class Meta:
        model = TrainerProfile
        fields = (
            "email",
            "first_name",
            "last_name",
            "region",
            "background",
            "training_experience",
            "stage",
            "stage_reached_on",
            "mentor_email",
        )
        import_id_fields = ()
        force_init_instance = True
        skip_diff = True
        clean_model_instances = True
        use_transactions = True

    def __init__(self, *, actor: User | None = None):
        super().__init__()
        self.actor = actor
        self.emails_seen: set[str] = set()

    def dehydrate_stage_reached_on(self, profile: TrainerProfile) -> str:
        steps = list(profile.steps.all())
        return max(step.happened_at for step in steps).date().isoformat() if steps else ""

    def import_instance(self, instance, row, **kwargs):
        """The choices through their widgets, then the person, the mentor and the date: every error at once."""
        errors = {}
        for check in (
            lambda: super(TrainerResource, self).import_instance(instance, row, **kwargs),
            lambda: self._person(instance, row),
            lambda: self._pathway(instance, row),
        ):
            try:
                check()
            except ValidationError as error:
                errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def _person(self, instance: TrainerProfile, row: dict) -> None:
        email = _email(row, "email")
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError({"person": "Enter a valid email address."}) from None
        if email in self.emails_seen:
            raise ValidationError({"person": "This email address is in the file twice."})
        self.emails_seen.add(email)
        person = User.objects.filter(email__iexact=email).first()
        if person is None:
            first_name, last_name = str(row.get("first_name") or "").strip(), str(row.get("last_name") or "").strip()
            if not (first_name and last_name):
                raise ValidationError({"person": "Give a first and last name for a new person."})
            person = User.objects.create_user(email, None, first_name=first_name, last_name=last_name)
        elif TrainerProfile.objects.filter(person=person).exists():
            raise ValidationError({"person": "This person already has a trainer record."})
        instance.person = person

    def _pathway(self, instance: TrainerProfile, row: dict) -> None:
        errors = {}
        if instance.stage and instance.stage not in PATHWAY:
            errors["stage"] = "Record people on the pathway; a declined applicant has nothing to import."
        try:
            instance.reached_on = DayWidget().clean(str(row.get("stage_reached_on") or "").strip())
        except ValueError as error:
            errors["stage_reached_on"] = str(error)
        mentor_email = _email(row, "mentor_email")
        instance.mentor = None
        if mentor_email:
            lead = TrainerProfile.objects.lead_trainers().filter(person__email__iexact=mentor_email).first()
            if lead is None:
                errors["mentor"] = f"{mentor_email} is not a Lead Trainer on the platform (or earlier in the file)."
            else:
                instance.mentor = lead.person
        if errors:
            raise ValidationError(errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        """Through `trainer_record_existing`, so the history row, audit entry and Trainer role are right."""
        saved = trainer_record_existing(
            person=instance.person,
            region=instance.region,
            stage=instance.stage,
            actor=self.actor,
            reached_on=instance.reached_on,
            mentor=instance.mentor,
            note="Imported from a spreadsheet",
            background=instance.background,
            training_experience=instance.training_experience,
        )
        instance.pk = saved.pk
