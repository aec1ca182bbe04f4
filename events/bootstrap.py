"""Demo cohorts for `manage.py bootstrap` (not with --no-demo): one of each kind a newcomer should see.

In the demo facilitator's regions (London, South East): a cohort recruiting with registrations
and a mix warning, a full one with a waiting list, a draft Day-2-only cohort and a confirmed one.
The demo trainer is on the recruiting cohort. Registrations are written directly, not through
`registration_create`, because demo people have no one to email; everything else goes through
the services. Safe to run again: a cohort whose title exists is left alone.
"""

import datetime

from django.utils import timezone

from core.models import LocalAuthority, Region, User
from core.roles import Role
from core.services.roles import role_grant
from courses.models import CoursePage
from events.models import Cohort, Registration, Session, Venue
from events.models.choices import ApplyingAs, Experience, HowHeard, OrganisationType, Relation, YearsExperience
from events.services.cohorts import cohort_confirm, cohort_open

# email, first name, last name, coming as, sectors, organisation
DEMO_PARTICIPANTS = [
    ("amira.khan@example.org", "Amira", "Khan", ApplyingAs.PROFESSIONAL, ["education"], "Camden Primary School"),
    ("ben.hughes@example.org", "Ben", "Hughes", ApplyingAs.PROFESSIONAL, ["health"], "Whittington Health"),
    ("chloe.evans@example.org", "Chloe", "Evans", ApplyingAs.PARENT_CARER, [], ""),
    ("dan.osei@example.org", "Dan", "Osei", ApplyingAs.PROFESSIONAL, ["education"], "Camden Primary School"),
    ("ella.novak@example.org", "Ella", "Novak", ApplyingAs.BOTH, ["voluntary"], "Parents Together"),
    ("femi.adeyemi@example.org", "Femi", "Adeyemi", ApplyingAs.PROFESSIONAL, ["social_care"], "Croydon Council"),
    ("grace.lee@example.org", "Grace", "Lee", ApplyingAs.YOUNG_PERSON, [], ""),
    ("hana.ito@example.org", "Hana", "Ito", ApplyingAs.PROFESSIONAL, ["health", "social_care"], "Croydon Health"),
]


# title, path, region code, (course, days from today) per session, places, state
DEMO_COHORTS = [
    (
        "Demo: Camden, Key Working in Practice",
        Cohort.Path.FULL,
        "E12000007",
        [("day1", 35), ("kwip", 49)],
        16,
        "recruiting",
    ),
    (
        "Demo: Croydon, Working in Partnership",
        Cohort.Path.FULL,
        "E12000007",
        [("day1", 20), ("wip", 27)],
        6,
        "confirmed",
    ),
    ("Demo: Brighton, Day 2 only", Cohort.Path.DAY2_ONLY, "E12000008", [("kwip", 60)], 16, "draft"),
]


def _day(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def _demo_people() -> list[tuple[User, tuple]]:
    people = []
    for spec in DEMO_PARTICIPANTS:
        email, first_name, last_name = spec[:3]
        person = User.objects.filter(email=email).first() or User.objects.create_user(
            email, None, first_name=first_name, last_name=last_name
        )
        role_grant(user=person, role=Role.PARTICIPANT, actor=None)
        people.append((person, spec))
    return people


def _register(cohort: Cohort, people: list[tuple[User, tuple]], status: str) -> None:
    for person, (_, _, _, applying_as, sectors, organisation) in people:
        Registration.objects.create(
            cohort=cohort,
            person=person,
            status=status,
            applying_as=applying_as,
            sectors=sectors,
            organisation=organisation,
            organisation_type=OrganisationType.SCHOOL if organisation else OrganisationType.NONE,
            experience=Experience.SOME,
            years_experience=YearsExperience.UP_TO_5,
            relation_to_child={
                ApplyingAs.PROFESSIONAL: Relation.NOT_APPLICABLE,
                ApplyingAs.YOUNG_PERSON: Relation.SELF,
            }.get(applying_as, Relation.PARENT),
            how_heard=HowHeard.WORK,
        )


def _cohort(
    title: str, *, path: str, region: Region, venue: Venue, days: list[tuple[CoursePage, int]], capacity: int
) -> Cohort:
    cohort = Cohort.objects.create(
        title=title,
        path=path,
        region=region,
        local_authority=LocalAuthority.objects.filter(region=region).order_by("name").first(),
        venue=venue,
        capacity=capacity,
        local_details="Lunch is provided. Ask for the Early Support training at reception.",
    )
    for course, offset in days:
        Session.objects.create(
            cohort=cohort,
            course=course,
            date=_day(offset),
            starts_at=datetime.time(9, 30),
            ends_at=datetime.time(15, 30),
        )
    return cohort


DEMO_VENUES = [
    ("E12000007", "Demo: Camden Centre", "Judd Street\nLondon"),
    ("E12000008", "Demo: Brighton Friends Centre", "Ship Street\nBrighton"),
]


def _venues() -> dict[str, Venue]:
    venues = {}
    for region_code, name, address in DEMO_VENUES:
        venues[region_code] = Venue.objects.get_or_create(
            name=name,
            defaults={
                "region": Region.objects.get(code=region_code),
                "address": address,
                "accessibility": "Step-free entrance, lift to all floors, accessible toilet, hearing loop.",
                "travel": "Ten minutes' walk from the station. Blue badge parking by arrangement.",
                "capacity": 24,
            },
        )[0]
    return venues


def ensure_demo_cohorts(out) -> None:
    live = {(course.kind, course.variant): course for course in CoursePage.objects.live()}
    courses = {
        key: live.get(kind)
        for key, kind in [("day1", ("day1", "")), ("kwip", ("day2", "kwip")), ("wip", ("day2", "wip"))]
    }
    if not all(courses.values()) or Region.objects.filter(code__in=[code for code, *_ in DEMO_VENUES]).count() < 2:
        out.notice("No demo cohorts: the courses or regions are missing.")
        return
    venues = _venues()
    trainer = User.objects.filter(email="trainer@example.org").first()
    people = _demo_people()
    created = 0
    for title, path, region_code, days, capacity, state in DEMO_COHORTS:
        if Cohort.objects.filter(title=title).exists():
            continue
        venue = venues[region_code]
        sessions = [(courses[key], offset) for key, offset in days]
        cohort = _cohort(title, path=path, region=venue.region, venue=venue, days=sessions, capacity=capacity)
        created += 1
        if state == "draft":
            continue
        cohort_open(cohort=cohort, actor=None)
        if state == "recruiting":
            _register(cohort, people[:5], Registration.Status.CONFIRMED)
            if trainer:
                cohort.delivery_assignments.get_or_create(trainer=trainer, defaults={"role": "lead"})
        else:
            _register(cohort, people[:6], Registration.Status.CONFIRMED)
            _register(cohort, people[6:], Registration.Status.WAITING)
            cohort_confirm(cohort=cohort, actor=None, override_reason="Demo: confirmed to show a cohort that runs.")
    out.step(f"demo cohorts ({created} new)")
