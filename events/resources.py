"""Registrations as spreadsheet rows, with django-import-export (issue #4 point 8).

Facilitators collect registrations on paper or elsewhere and upload them for one cohort. Each row
is checked for what goes wrong in practice (unknown sector, the same email twice, more rows than
places, dates that are not dates) and saved through `registration_create`, so an imported person
gets exactly what a person registering online gets. The same columns come back out in exports.
"""

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import validate_email
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from import_export import resources, widgets
from import_export.fields import Field

from core.models import User
from events.models import Cohort, Day1Completion, Registration
from events.models.choices import (
    ApplyingAs,
    Experience,
    HowHeard,
    OrganisationType,
    Relation,
    Sector,
    WorkSetting,
    YearsExperience,
)
from events.services.day1 import day1_completion_record
from events.services.registrations import registration_create


class ChoiceWidget(widgets.Widget):
    """Accepts a choice's code or its label, in any case; exports the label."""

    def __init__(self, choices: type[models.TextChoices], *, what: str):
        super().__init__()
        self.choices, self.what = choices, what
        self.lookup = {text.lower(): code for code, label in choices.choices for text in (code, label)}

    def _one(self, text: str) -> str:
        try:
            return self.lookup[text.strip().lower()]
        except KeyError:
            options = ", ".join(self.choices.labels)
            raise ValueError(f"Unknown {self.what} “{text.strip()}”. Use one of: {options}.") from None

    def clean(self, value, row=None, **kwargs):
        return self._one(value) if str(value or "").strip() else ""

    def render(self, value, obj=None, **kwargs):
        return self.choices(value).label if value else ""


class SectorsWidget(ChoiceWidget):
    """Several sectors in one cell, separated by semicolons or commas."""

    def __init__(self):
        super().__init__(Sector, what="sector")

    def clean(self, value, row=None, **kwargs):
        parts = str(value or "").replace(",", ";").split(";")
        return [self._one(part) for part in parts if part.strip()]

    def render(self, value, obj=None, **kwargs):
        return "; ".join(Sector(code).label for code in value or [])


class YesNoWidget(widgets.Widget):
    YES, NO = {"yes", "y", "true", "1"}, {"no", "n", "false", "0", ""}

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip().lower()
        if text in self.YES | self.NO:
            return text in self.YES
        raise ValueError(f"Write yes or no, not “{value}”.")

    def render(self, value, obj=None, **kwargs):
        return "yes" if value else "no"


def _choice(name: str, choices, what: str) -> Field:
    return Field(attribute=name, column_name=name, widget=ChoiceWidget(choices, what=what))


DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


def _parse_date(text: str, column: str) -> datetime.date | None:
    if not text:
        return None
    for date_format in DATE_FORMATS:
        try:
            value = datetime.datetime.strptime(text, date_format).date()
            break
        except ValueError:
            continue
    else:
        raise ValidationError(
            {column: ValidationError(f"“{text}” is not a date: write it as 2026-03-31 or 31/03/2026.", code="bad_date")}
        )
    if value > timezone.localdate():
        raise ValidationError({column: ValidationError("This date is in the future.", code="bad_date")})
    return value


class RegistrationResource(resources.ModelResource):
    email = Field(attribute="person__email", column_name="email", readonly=True)
    first_name = Field(attribute="person__first_name", column_name="first_name", readonly=True)
    last_name = Field(attribute="person__last_name", column_name="last_name", readonly=True)
    applying_as = _choice("applying_as", ApplyingAs, "way of coming")
    sectors = Field(attribute="sectors", column_name="sectors", widget=SectorsWidget())
    organisation = Field(attribute="organisation", column_name="organisation")
    organisation_type = _choice("organisation_type", OrganisationType, "organisation type")
    job_title = Field(attribute="job_title", column_name="job_title")
    work_setting = _choice("work_setting", WorkSetting, "setting")
    experience = _choice("experience", Experience, "experience level")
    years_experience = _choice("years_experience", YearsExperience, "number of years")
    relation_to_child = _choice("relation_to_child", Relation, "relation to the child")
    how_heard = _choice("how_heard", HowHeard, "way of hearing about the course")
    access_needs = Field(attribute="access_needs", column_name="access_needs")
    accredited_route = Field(attribute="accredited_route", column_name="accredited_route", widget=YesNoWidget())
    registered_on = Field(column_name="registered_on", readonly=True)
    day1_completed_on = Field(column_name="day1_completed_on", readonly=True)
    status = Field(attribute="status", column_name="status", readonly=True)

    class Meta:
        model = Registration
        fields = (
            "email",
            "first_name",
            "last_name",
            *Registration.COURSE_FIELDS,
            "registered_on",
            "day1_completed_on",
            "status",
        )
        import_id_fields = ()
        force_init_instance = True
        skip_diff = True
        clean_model_instances = True
        use_transactions = True

    def __init__(self, *, cohort: Cohort, actor: User | None = None):
        super().__init__()
        self.cohort, self.actor = cohort, actor
        self.emails_seen: set[str] = set()
        self.places_left = 0

    # --- export -----------------------------------------------------------------------------
    def dehydrate_registered_on(self, registration: Registration) -> str:
        return timezone.localtime(registration.registered_at).date().isoformat()

    def dehydrate_day1_completed_on(self, registration: Registration) -> str:
        completion = getattr(registration.person, "day1_completion", None)
        return completion.completed_on.isoformat() if completion else ""

    def dehydrate_status(self, registration: Registration) -> str:
        return registration.get_status_display()

    # --- import -----------------------------------------------------------------------------
    def before_import(self, dataset, **kwargs):
        self.places_left = self.cohort.capacity - Registration.objects.holding_place_in(self.cohort).count()

    def init_instance(self, row=None):
        return Registration(cohort=self.cohort, status=Registration.Status.CONFIRMED)

    def import_instance(self, instance, row, **kwargs):
        """The answers through the widgets, then the person and the dates; errors from all of them at once."""
        errors = {}
        checks = [
            lambda: super(RegistrationResource, self).import_instance(instance, row, **kwargs),
            lambda: self._person(instance, row),
            lambda: self._dates(instance, row),
        ]
        for check in checks:
            try:
                check()
            except ValidationError as error:
                errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The widgets' errors with the model's own checks, all at once; then a row that is valid in
        itself still needs one of the places left (no overbooking).

        The cohort and the person are not checked against the database again: the cohort is this
        import's and the person was just found or created; `registration_create` checks that they are
        not registered already."""
        errors = dict(import_validation_errors or {})
        try:
            instance.full_clean(exclude=[*errors, "cohort", "person"], validate_unique=validate_unique)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)
        self.places_left -= 1
        if self.places_left < 0:
            raise ValidationError(
                {NON_FIELD_ERRORS: ValidationError("More rows than places left on the cohort.", code="over_capacity")}
            )

    def _dates(self, instance: Registration, row: dict) -> None:
        registered_on = _parse_date(str(row.get("registered_on") or "").strip(), "registered_on")
        completed_on = _parse_date(str(row.get("day1_completed_on") or "").strip(), "day1_completed_on")
        if registered_on:
            instance.registered_at = timezone.make_aware(datetime.datetime.combine(registered_on, datetime.time(9)))
        if (
            self.cohort.path == Cohort.Path.DAY2_ONLY
            and not completed_on
            and not (instance.person_id and Day1Completion.objects.filter(person=instance.person).exists())
        ):
            raise ValidationError(
                {
                    "day1_completed_on": ValidationError(
                        "This cohort is Day 2 only: give the date they did Day 1.", code="day1_required"
                    )
                }
            )
        instance.day1_completed_on = completed_on

    def _person(self, instance: Registration, row: dict) -> None:
        email = str(row.get("email") or "").strip().lower()
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(
                {"person": ValidationError("Enter a valid email address.", code="bad_email")}
            ) from None
        if email in self.emails_seen:
            raise ValidationError(
                {"person": ValidationError("This email address is in the file twice.", code="duplicate_email")}
            )
        self.emails_seen.add(email)
        # Lower(email) = …, not email__iexact (UPPER(…) on PostgreSQL): the case-insensitive unique
        # index on the address answers it, instead of a scan of every account for each row (issue #8).
        person = User.objects.alias(address=Lower("email")).filter(address=email).first()
        if person is None:
            first_name, last_name = str(row.get("first_name") or "").strip(), str(row.get("last_name") or "").strip()
            if not (first_name and last_name):
                raise ValidationError(
                    {"person": ValidationError("Give a first and last name for a new person.", code="name_required")}
                )
            person = User.objects.create_user(email, None, first_name=first_name, last_name=last_name)
        elif Registration.objects.filter(
            cohort=self.cohort, person=person, status__in=Registration.ACTIVE_STATUSES
        ).exists():
            raise ValidationError(
                {"person": ValidationError("This person is already registered on the cohort.", code="duplicate_email")}
            )
        instance.person = person

    def save_instance(self, instance, is_create, row, dry_run=False, **kwargs):
        """Through the same services as online registration, so capacity, audit and emails hold.

        The preview (a dry run, rolled back) runs every check of the services but renders no email:
        its rows' problems are the import's, at half the cost (issue #8)."""
        completed_on = instance.day1_completed_on
        if completed_on:
            day1_completion_record(
                person=instance.person,
                kind=Day1Completion.Kind.EQUIVALENT,
                completed_on=completed_on,
                actor=self.actor,
                note=f"Recorded in a registration import for {self.cohort}",
            )
        saved = registration_create(
            cohort=self.cohort,
            person=instance.person,
            answers={name: getattr(instance, name) for name in Registration.ANSWER_FIELDS},
            actor=self.actor,
            waiting_list=False,
            registered_at=instance.registered_at,
            notify=not dry_run,
        )
        instance.pk = saved.pk
