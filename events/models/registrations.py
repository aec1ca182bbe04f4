"""A person's registration on a cohort, with the answers from the seed's participant form.

The answers follow 000 Appendix 6 (000:L7680–7957, DOMAIN.md §4). Status changes only through
`events.services` (registration, waiting list, Day 1 moves); equality monitoring answers are
optional and shown only in totals.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from events.models.choices import (
    FAMILY_SIDE,
    YOUNG_PERSON_PLAN,
    AgeBand,
    ApplyingAs,
    Ethnicity,
    Experience,
    HowHeard,
    OrganisationType,
    Relation,
    Sector,
    Sex,
    WorkSetting,
    YearsExperience,
)


def validate_sectors(value) -> None:
    if not isinstance(value, list) or any(code not in Sector.values for code in value):
        raise ValidationError("Choose sectors from the list.", code="unknown_sector")


class RegistrationQuerySet(models.QuerySet):
    def holding_place_in(self, cohort) -> "RegistrationQuerySet":
        """Registrations using one of `cohort`'s places: confirmed or holding an offer, plus people
        joining its Day 1 from another cohort (issue #4 point 3). `cohort` may be an OuterRef."""
        return self.filter(
            Q(cohort=cohort, status__in=Registration.HOLDING_STATUSES)
            | Q(day1_cohort=cohort, status=Registration.Status.CONFIRMED)
        )

    def waiting_in_order(self, cohort) -> "RegistrationQuerySet":
        """First come, first offered: the waiting list in the order people registered."""
        return self.filter(cohort=cohort, status=Registration.Status.WAITING).order_by("registered_at", "pk")


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", "Place confirmed"
        OFFERED = "offered", "Offered a place"
        WAITING = "waiting", "On the waiting list"
        CANCELLED = "cancelled", "Cancelled"

    HOLDING_STATUSES = (Status.CONFIRMED, Status.OFFERED)
    ACTIVE_STATUSES = (Status.CONFIRMED, Status.OFFERED, Status.WAITING)

    cohort = models.ForeignKey("events.Cohort", on_delete=models.PROTECT, related_name="registrations")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations")
    status = models.CharField(max_length=10, choices=Status.choices, editable=False)
    registered_at = models.DateTimeField(default=timezone.now, editable=False)
    cancelled_reason = models.CharField(max_length=300, blank=True, editable=False)
    skips_day1 = models.BooleanField(
        default=False,
        editable=False,
        help_text="Had already done Day 1 when registering, so is not asked to come again (000:L2320–2324).",
    )
    day1_cohort = models.ForeignKey(
        "events.Cohort",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="day1_guests",
        help_text="Missed Day 1 and comes to this cohort's Day 1 instead, keeping this registration.",
    )

    # The participant form (000 Appendix 6).
    applying_as = models.CharField("I am coming as", max_length=20, choices=ApplyingAs.choices)
    sectors = models.JSONField(
        "sectors I work in", default=list, blank=True, validators=[validate_sectors], help_text="Choose all that apply."
    )
    organisation = models.CharField(max_length=200, blank=True)
    organisation_type = models.CharField(
        "type of organisation", max_length=20, choices=OrganisationType.choices, blank=True
    )
    job_title = models.CharField(max_length=200, blank=True)
    work_setting = models.CharField("I work in", max_length=12, choices=WorkSetting.choices, blank=True)
    experience = models.CharField(
        "my experience of Early Support and key working", max_length=12, choices=Experience.choices
    )
    years_experience = models.CharField(
        "years working or living with a child or young person with additional needs",
        max_length=6,
        choices=YearsExperience.choices,
    )
    relation_to_child = models.CharField(
        "my relation to the child or young person", max_length=12, choices=Relation.choices, blank=True
    )
    how_heard = models.CharField("how I heard about the course", max_length=15, choices=HowHeard.choices)
    access_needs = models.TextField(
        "access and support needs",
        blank=True,
        help_text="Anything that would help you take part: access, hearing or sight, diet, breaks, caring.",
    )
    accredited_route = models.BooleanField(
        "I would like my learning to count towards a qualification",
        default=False,
        help_text="Participants may have their learning recognised in a postgraduate certificate (000:L2171–2178).",
    )
    # Equality monitoring: optional, reported only in totals (DOMAIN.md §4, §9).
    ethnicity = models.CharField(max_length=12, choices=Ethnicity.choices, blank=True)
    sex = models.CharField(max_length=12, choices=Sex.choices, blank=True)
    age_band = models.CharField("age", max_length=12, choices=AgeBand.choices, blank=True)

    objects = RegistrationQuerySet.as_manager()

    #: What the people running the course see and export.
    COURSE_FIELDS = (
        "applying_as",
        "sectors",
        "organisation",
        "organisation_type",
        "job_title",
        "work_setting",
        "experience",
        "years_experience",
        "relation_to_child",
        "how_heard",
        "access_needs",
        "accredited_route",
    )
    #: Equality monitoring: optional, never shown person by person, never exported (DOMAIN.md §4, §9).
    EQUALITY_FIELDS = ("ethnicity", "sex", "age_band")
    ANSWER_FIELDS = COURSE_FIELDS + EQUALITY_FIELDS

    class Meta:
        ordering = ["registered_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "person"],
                condition=~Q(status="cancelled"),
                name="events_registration_once_per_cohort",
                violation_error_message="You are already registered on this cohort.",
            ),
            models.CheckConstraint(condition=~Q(day1_cohort=models.F("cohort")), name="events_day1_elsewhere"),
        ]
        indexes = [
            models.Index(fields=["cohort", "status", "registered_at"]),
            # The admin listing's default order: read the first page from the index, not by sorting
            # every registration in the country (issue #8).
            models.Index(fields=["registered_at", "id"], name="events_registration_listed"),
        ]

    def __str__(self) -> str:
        return f"{self.person} on {self.cohort}"

    @property
    def is_professional(self) -> bool:
        return self.applying_as in (ApplyingAs.PROFESSIONAL, ApplyingAs.BOTH)

    @property
    def needs_preparation(self) -> bool:
        """Parent carers, young people and family members are prepared before the course (DOMAIN.md §5)."""
        return self.applying_as in FAMILY_SIDE

    def preparation_missing_steps(self) -> list[str] | None:
        """None for practitioners; otherwise what is still to do before the course (empty when
        prepared), from `preparation` when it was loaded with the registration. Before any record
        is kept, a young person's plan for which day and activity is named at once: it is needed
        from the start (000:L3214–3218), which an adult's preparation does not ask."""
        if not self.needs_preparation:
            return None
        preparation = getattr(self, "preparation", None)
        if preparation is not None:
            return preparation.missing_steps()
        if self.applying_as == ApplyingAs.YOUNG_PERSON:
            return ["a preparation record", YOUNG_PERSON_PLAN]
        return ["a preparation record"]

    @property
    def sector_labels(self) -> list[str]:
        return [Sector(code).label for code in self.sectors if code in Sector.values]

    def clean(self):
        """Practitioners say where they work; family members say how they are related (000 Appendix 6)."""
        super().clean()
        errors = {}
        if self.is_professional:
            if not self.sectors:
                errors["sectors"] = "Choose at least one sector you work in."
            if not self.organisation.strip():
                errors["organisation"] = "Tell us which organisation you work for."
        if self.applying_as in (ApplyingAs.PARENT_CARER, ApplyingAs.BOTH, ApplyingAs.FAMILY_MEMBER) and (
            not self.relation_to_child or self.relation_to_child == Relation.NOT_APPLICABLE
        ):
            errors["relation_to_child"] = "Tell us your relation to the child or young person."
        if errors:
            raise ValidationError(errors)
