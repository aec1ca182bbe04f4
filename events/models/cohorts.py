"""A cohort is one delivery of a course path in a region, with a session per day (DOMAIN.md §4).

Its status moves only through `events.services.cohorts` (draft → recruiting → confirmed →
delivered, or cancelled with a reason); "at risk" is derived, never stored. The trainers on a
cohort are `trainers.DeliveryAssignment` rows, reached here only through their related name so
that events never imports trainers (CONVENTIONS.md).
"""

import datetime
from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Func, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.db.models.query import EmptyQuerySet
from django.utils.formats import date_format
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from events.access import in_managed_regions, managed_regions, manages_every_region
from events.models.choices import CancellationReason
from events.models.rules import current_rules


def subquery_count(queryset: models.QuerySet) -> Coalesce:
    """COUNT(*) of `queryset` as a correlated subquery, so a listing stays one query per page."""
    return Coalesce(
        Subquery(queryset.order_by().annotate(total=Func(F("pk"), function="COUNT")).values("total")[:1]),
        0,
    )


def session_date(cohort: str = "pk", *, last: bool = False) -> Subquery:
    """The date of a cohort's first session (its last with `last`), as a subquery on the outer
    cohort, or on the cohort the outer row names by `cohort` ("cohort" for a row with a foreign key
    to it)."""
    order = "-date" if last else "date"
    return Subquery(Session.objects.filter(cohort=OuterRef(cohort)).order_by(order).values("date")[:1])


class CohortQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CohortQuerySet":
        """Who may see a cohort and its people: programme admins everywhere, Regional Facilitators in
        their regions, trainers on its team (DOMAIN.md §2, §4 "everyone on a cohort sees one shared
        page"). Everyone else sees none; the public listing is `open_for_registration()`."""
        if not user.is_authenticated:
            return self.none()
        if manages_every_region(user):
            return self
        allowed, regions = Q(delivery_assignments__trainer=user), managed_regions(user)
        if not isinstance(regions, EmptyQuerySet):  # a trainer's query need not say "or in no region"
            allowed |= Q(region__in=regions)
        return self.filter(pk__in=self.model.objects.filter(allowed).values("pk"))

    def in_regions_of(self, user) -> "CohortQuerySet":
        """The cohorts a person manages in the admin; another region's cohort is simply not there (404)."""
        return in_managed_regions(self, user)

    def with_counts(self) -> "CohortQuerySet":
        """Confirmed, waiting and place-holding registrations, as `confirmed_count`, `waiting_count`
        and `places_taken_count`."""
        return self.with_confirmed_count().with_waiting_count().with_places_taken_count()

    def with_places_taken_count(self) -> "CohortQuerySet":
        """`places_taken_count`: registrations holding a place (`Registration.objects.holding_place_in`)."""
        from events.models.registrations import Registration

        return self.annotate(places_taken_count=subquery_count(Registration.objects.holding_place_in(OuterRef("pk"))))

    def with_confirmed_count(self) -> "CohortQuerySet":
        """`confirmed_count` alone, for pages that show no other count (`Cohort.is_at_risk` reads it):
        the places-taken count is the dearest of the three to plan and run (issue #8)."""
        from events.models.registrations import Registration

        return self.annotate(
            confirmed_count=subquery_count(
                Registration.objects.filter(cohort=OuterRef("pk"), status=Registration.Status.CONFIRMED)
            )
        )

    def with_waiting_count(self) -> "CohortQuerySet":
        """`waiting_count`: the people on the waiting list."""
        from events.models.registrations import Registration

        return self.annotate(
            waiting_count=subquery_count(
                Registration.objects.filter(cohort=OuterRef("pk"), status=Registration.Status.WAITING)
            )
        )

    def with_first_date(self) -> "CohortQuerySet":
        """`first_date`: the date of the cohort's first day, or None before it has sessions.

        A correlated subquery, not `Min()`: an aggregate would GROUP BY every listed column, so the
        admin paginator's `count()` would have to run the whole annotated listing (issue #8)."""
        return self.annotate(first_date=session_date())

    def open_for_registration(self, today: datetime.date) -> "CohortQuerySet":
        """Recruiting or confirmed, and not started yet: the cohorts people may still join."""
        return self.filter(status__in=Cohort.OPEN_STATUSES).alias(opens_on=session_date()).filter(opens_on__gt=today)

    def still_to_run(self, today: datetime.date) -> "CohortQuerySet":
        """Draft, recruiting or confirmed, with a day today or later: the cohorts a facilitator is
        still preparing."""
        return self.filter(
            models.Exists(Session.objects.filter(cohort=OuterRef("pk"), date__gte=today)),
            status__in=[Cohort.Status.DRAFT, *Cohort.OPEN_STATUSES],
        )

    def at_risk_candidates(self, *, rules, today: datetime.date) -> "CohortQuerySet":
        """Recruiting cohorts whose first day is inside the at-risk cut-off: the only ones that can be
        at risk, so a dashboard need not load every cohort to find them. `Cohort.is_at_risk` decides."""
        return (
            self.filter(status=Cohort.Status.RECRUITING)
            .alias(starts_on=session_date())
            .filter(starts_on__lte=today + datetime.timedelta(days=rules.at_risk_days))
        )


class Cohort(ClusterableModel):
    class Path(models.TextChoices):
        FULL = "full", "Day 1 and Day 2"
        DAY2_ONLY = "day2", "Day 2 only, for people who have done Day 1"
        T4T = "t4t", "Training for Trainers"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        RECRUITING = "recruiting", "Open for registration"
        CONFIRMED = "confirmed", "Confirmed"
        DELIVERED = "delivered", "Delivered"
        CANCELLED = "cancelled", "Cancelled"

    OPEN_STATUSES = (Status.RECRUITING, Status.CONFIRMED)

    title = models.CharField(max_length=200, help_text="For example “Leeds, spring 2026”.")
    path = models.CharField(max_length=10, choices=Path.choices, default=Path.FULL)
    region = models.ForeignKey("core.Region", on_delete=models.PROTECT, related_name="cohorts")
    local_authority = models.ForeignKey("core.LocalAuthority", on_delete=models.PROTECT, related_name="cohorts")
    venue = models.ForeignKey("events.Venue", on_delete=models.PROTECT, null=True, blank=True, related_name="cohorts")
    capacity = models.PositiveSmallIntegerField(
        "places",
        validators=[MinValueValidator(1)],
        # 000:L2690: the usual, smallest and largest sizes are CohortSettings, which only programme
        # admins can change; the numbers are not written here because they can change.
        help_text="How many people can come. The programme team sets the usual size and the limits.",
    )
    local_details = models.TextField(
        blank=True,
        # 000:L2670–2672
        help_text="For the pre-course pack: lunch, parking, who to ask for on the day.",
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT, editable=False)
    cancellation_reason = models.CharField(
        max_length=20, choices=CancellationReason.choices, blank=True, editable=False
    )
    #: The reason in the facilitator's words ("other"), or what they added to the chosen reason.
    cancelled_reason = models.TextField(blank=True, editable=False)
    #: The iCalendar SEQUENCE of every day of the cohort: raised by `events.services.cohorts` on each
    #: change people are told of, so calendar apps replace the old event (RFC 5545 §3.8.7.4).
    calendar_sequence = models.PositiveIntegerField(default=0, editable=False)
    mix_override_reason = models.TextField(
        blank=True, editable=False, help_text="Why the cohort was confirmed although it did not meet the mix rule."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CohortQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["region", "status"]),
            # The admin's listing, newest first: its first page without sorting every cohort.
            models.Index(fields=["-created_at"], name="events_cohort_newest"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        """The local authority lies in the region; a cohort never offers more places than its rules or room allow."""
        super().clean()
        errors = {}
        if self.local_authority_id and self.region_id and self.local_authority.region_id != self.region_id:
            errors["local_authority"] = "Choose a local authority in the cohort's region."
        if self.venue_id and self.region_id and self.venue.region_id != self.region_id:
            errors["venue"] = "Choose a venue in the cohort's region."
        if self.capacity:
            rules = current_rules()
            if not rules.minimum_size <= self.capacity <= rules.maximum_size:
                # 000:L2690
                errors["capacity"] = f"Offer between {rules.minimum_size} and {rules.maximum_size} places."
            elif self.venue_id and self.capacity > self.venue.capacity:
                errors["capacity"] = f"{self.venue} holds {self.venue.capacity} people."
            elif self.pk and self.capacity < self.places_taken():
                errors["capacity"] = f"{self.places_taken()} places are already taken or offered."
        if errors:
            raise ValidationError(errors)

    def places_taken(self) -> int:
        from events.models.registrations import Registration

        return Registration.objects.holding_place_in(self).count()

    @cached_property
    def team(self) -> list:
        """The trainers on the cohort (`trainers.DeliveryAssignment`s) by role, then surname, each with
        their trainer, checklist and `previous_end` (trainers' `with_previous_end`, which their
        checklist reads) and standing: one query for every panel of a page that shows the team."""
        return list(
            self.delivery_assignments.with_previous_end(self)
            .select_related("trainer__trainer_profile", "checklist")
            .order_by("role", "trainer__last_name")
        )

    @property
    def ordered_sessions(self) -> list["Session"]:
        """Sessions in date order, from the prefetch cache when listings loaded them."""
        return sorted(self.sessions.all(), key=lambda session: (session.date, session.starts_at))

    @property
    def start_date(self) -> datetime.date | None:
        """The first day: `first_date` when the cohort was loaded `with_first_date()`, so a listing
        need not load the days for it; otherwise from the days."""
        if "first_date" in self.__dict__:
            return self.first_date
        sessions = self.ordered_sessions
        return sessions[0].date if sessions else None

    @property
    def end_date(self) -> datetime.date | None:
        sessions = self.ordered_sessions
        return sessions[-1].date if sessions else None

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def is_open_for_registration(self, today: datetime.date) -> bool:
        return self.is_open and self.start_date is not None and self.start_date > today

    def is_at_risk(self, *, rules, today: datetime.date) -> bool:
        """Recruiting, inside the cut-off and still short of the minimum (000:L489–491). Needs `with_counts()`."""
        return (
            self.status == self.Status.RECRUITING
            and self.start_date is not None
            and today >= self.start_date - datetime.timedelta(days=rules.at_risk_days)
            and self.confirmed_count < rules.minimum_size
        )

    def places_left(self) -> int:
        """Needs `with_counts()`."""
        return max(self.capacity - self.places_taken_count, 0)


def session_path_problems(path: str, courses: list) -> list[str]:
    """Why a cohort's sessions do not make up its path (Day 1 once, 000:L2320–2324; T4T is two days, 000:L3516).

    Shared by the admin form (early feedback) and `cohort_open` (the rule itself).
    """
    kinds = [course.kind for course in courses]
    if not kinds:
        return ["Add a session for each day."]
    problems = []
    if path == Cohort.Path.FULL and ("day1" not in kinds or "day2" not in kinds or set(kinds) - {"day1", "day2"}):
        problems.append("A Day 1 and Day 2 cohort needs a Day 1 session and a Day 2 session, and nothing else.")
    if path == Cohort.Path.DAY2_ONLY and set(kinds) != {"day2"}:
        problems.append("A Day 2 only cohort has Day 2 sessions only.")
    if path == Cohort.Path.T4T and set(kinds) != {"t4t"}:
        problems.append("A Training for Trainers cohort has Training for Trainers sessions only.")
    if len({course.variant for course in courses if course.kind == "day2"}) > 1:
        problems.append("Use one version of Day 2 in a cohort.")
    return problems


class SessionQuerySet(models.QuerySet):
    def with_course_names(self) -> "SessionQuerySet":
        """The days with their course's title and kind, which is what a page listing days shows of
        it, and not the rest of the course page (a Wagtail page of some thirty columns; issue #8)."""
        own_fields = [field.name for field in self.model._meta.concrete_fields]
        return self.select_related("course").only(*own_fields, "course__title", "course__kind")


class Session(models.Model):
    """One day of a cohort. Times are local (Europe/London); calendars attach the zone (issue #4 point 7)."""

    #: Indexed with the date (`events_session_cohort_days`), not alone.
    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="sessions", db_index=False)
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        related_name="cohort_sessions",
        limit_choices_to={"live": True},
        help_text="Which day of the course this is.",
    )
    date = models.DateField()
    starts_at = models.TimeField(default=datetime.time(9, 30))
    ends_at = models.TimeField(default=datetime.time(16, 0))
    course_revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text="The version of the course this day is delivered from, fixed when the cohort is confirmed.",
    )

    objects = SessionQuerySet.as_manager()

    panels = [
        FieldPanel("course", widget=forms.Select),
        FieldRowPanel([FieldPanel("date"), FieldPanel("starts_at"), FieldPanel("ends_at")]),
    ]

    class Meta:
        ordering = ["date", "starts_at"]
        indexes = [
            # A cohort's days in date order: its first day (`session_date`) and whether any is
            # still to come are read from the index alone, for every cohort a listing sorts (issue #8).
            models.Index(fields=["cohort", "date"], name="events_session_cohort_days"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="events_session_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.course.title}, {date_format(self.date, 'j F Y')}"

    @property
    def is_day1(self) -> bool:
        return self.course.kind == "day1"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The day must end after it starts."})
