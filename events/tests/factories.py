"""Factories for venues, cohorts, sessions and registrations (set-up only: tests of rules use the services)."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from core.models import LocalAuthority, Region
from events.models import Cohort, Registration, Session, Venue
from events.models.choices import ApplyingAs, Experience, HowHeard, OrganisationType, Relation, YearsExperience


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


class RegionFactory(DjangoModelFactory):
    code = factory.Sequence(lambda n: f"E1200{n:04d}")
    name = factory.Sequence(lambda n: f"Region {n}")

    class Meta:
        model = Region
        django_get_or_create = ("code",)


class LocalAuthorityFactory(DjangoModelFactory):
    code = factory.Sequence(lambda n: f"E0800{n:04d}")
    name = factory.Sequence(lambda n: f"Authority {n}")
    region = factory.SubFactory(RegionFactory)

    class Meta:
        model = LocalAuthority


class VenueFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Community Centre {n}")
    region = factory.SubFactory(RegionFactory)
    address = "1 High Street\nLeeds"
    postcode = "LS1 1AA"
    accessibility = "Step-free entrance and an accessible toilet."
    capacity = 24

    class Meta:
        model = Venue


class CohortFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Cohort {n}")
    path = Cohort.Path.FULL
    region = factory.SubFactory(RegionFactory)
    local_authority = factory.SubFactory(LocalAuthorityFactory, region=factory.SelfAttribute("..region"))
    venue = factory.SubFactory(VenueFactory, region=factory.SelfAttribute("..region"))
    capacity = 16
    status = Cohort.Status.RECRUITING

    class Meta:
        model = Cohort


class SessionFactory(DjangoModelFactory):
    cohort = factory.SubFactory(CohortFactory)
    date = factory.LazyFunction(lambda: in_days(30))
    starts_at = datetime.time(9, 30)
    ends_at = datetime.time(15, 30)

    class Meta:
        model = Session


def professional(**overrides) -> dict:
    """Answers of a practitioner, as the registration form would give them."""
    return {
        "applying_as": ApplyingAs.PROFESSIONAL,
        "sectors": ["education"],
        "organisation": "Leeds Primary School",
        "organisation_type": OrganisationType.SCHOOL,
        "job_title": "SENCO",
        "work_setting": "mainstream",
        "experience": Experience.SOME,
        "years_experience": YearsExperience.UP_TO_5,
        "relation_to_child": Relation.NOT_APPLICABLE,
        "how_heard": HowHeard.WORK,
        **overrides,
    }


def parent_carer(**overrides) -> dict:
    return professional(
        **{
            "applying_as": ApplyingAs.PARENT_CARER,
            "sectors": [],
            "organisation": "",
            "organisation_type": OrganisationType.NONE,
            "job_title": "",
            "work_setting": "n/a",
            "relation_to_child": Relation.PARENT,
            "how_heard": HowHeard.FAMILY_GROUP,
            **overrides,
        }
    )


class RegistrationFactory(DjangoModelFactory):
    """Fills places directly, for tests whose subject is not registration itself."""

    cohort = factory.SubFactory(CohortFactory)
    status = Registration.Status.CONFIRMED

    class Meta:
        model = Registration

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        answers = professional()
        answers.update({key: kwargs.pop(key) for key in list(kwargs) if key in answers})
        return super()._create(model_class, *args, **answers, **kwargs)


def edited(cohort: Cohort, **days) -> Cohort:
    """The cohort as the admin's editor leaves it before saving: fields and days changed in memory only.
    `days` maps a day's position to its new date, e.g. edited(cohort, day2=in_days(50))."""
    cohort = Cohort.objects.get(pk=cohort.pk)
    sessions = list(cohort.sessions.select_related("course").order_by("date"))
    for name, date in days.items():
        sessions[int(name.removeprefix("day")) - 1].date = date
    cohort.sessions = sessions
    return cohort


def saved_days(cohort: Cohort) -> list:
    return list(cohort.sessions.order_by("date").values_list("date", flat=True))
