"""The key pages of each role (issue #8 point 2), with real ids from the generated data.

Each page is fetched by a client signed in as that role (or by nobody, for public pages). Pages of
apps that have not landed yet are left out, and the report says which ones are missing.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from bench import accounts
from core.models import User
from core.roles import Role
from courses.models import CoursePage, ProgrammePage, ReadingPage
from events.models import CalendarFeed, Cohort, Registration
from events.selectors.cohorts import open_cohorts

ANONYMOUS = "anonymous"

#: What a page is compared with (issue #20): a front-end page with the one-query floor, an admin
#: listing with the stock Wagtail listing; other admin pages have the absolute budgets only.
FRONT_END, ADMIN_LISTING, ADMIN = "front-end", "admin listing", "admin"


@dataclass(frozen=True)
class Page:
    name: str
    role: str
    path: str
    kind: str = FRONT_END


def _url(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def _user(role: Role) -> User:
    return User.objects.get(email=accounts.accounts(role, 1)[0].email)


def _upcoming(cohorts) -> Cohort | None:
    """The fullest cohort still ahead: the busiest cohort page there is."""
    return (
        cohorts.filter(status__in=Cohort.OPEN_STATUSES, sessions__date__gt=timezone.localdate())
        .with_counts()
        .order_by("-confirmed_count", "pk")
        .distinct()
        .first()
    )


def key_pages() -> tuple[list[Page], list[str]]:
    """(pages, names of key pages not available in this codebase yet)."""
    today = timezone.localdate()
    pages: list[Page] = []
    missing: list[str] = []

    def add(name: str, role: str, path: str | None, kind: str = FRONT_END) -> None:
        if path:
            pages.append(Page(name, role, path, kind))
        else:
            missing.append(name)

    public_cohort = open_cohorts(today=today).order_by("-confirmed_count", "pk").first()
    programme = ProgrammePage.objects.live().first()
    day1 = CoursePage.objects.live().filter(kind="day1").first()
    reading = ReadingPage.objects.live().filter(kind="pre").first()
    feed = CalendarFeed.objects.filter(person__email=accounts.FEED_TRAINER_EMAIL).first()
    add("Public cohort listing", ANONYMOUS, "/cohorts/")
    add("Public cohort page", ANONYMOUS, public_cohort and f"/cohorts/{public_cohort.pk}/")
    add("Programme page", ANONYMOUS, programme and programme.url)
    add("Course page (Day 1)", ANONYMOUS, day1 and day1.url)
    add(f"Trainer .ics feed ({accounts.FEED_SESSIONS} sessions)", ANONYMOUS, feed and f"/calendar/{feed.token}.ics")

    participant = _user(Role.PARTICIPANT)
    registration = Registration.objects.filter(person=participant).order_by("-registered_at").first()
    add("Participant dashboard", Role.PARTICIPANT.slug, "/dashboard/participant/")
    add("Participant: my courses", Role.PARTICIPANT.slug, "/my/courses/")
    add("Participant: reading page", Role.PARTICIPANT.slug, reading and reading.url)
    add(
        "Participant: my course (feedback)",
        Role.PARTICIPANT.slug,
        registration and _url("feedback:course", registration.pk),
    )
    add("Participant: messages", Role.PARTICIPANT.slug, "/notifications/")

    trainer = _user(Role.TRAINER)
    trainer_cohort = _upcoming(Cohort.objects.filter(delivery_assignments__trainer=trainer))
    add("Trainer dashboard", Role.TRAINER.slug, "/dashboard/trainer/")
    add("Trainer: cohort page with mix", Role.TRAINER.slug, trainer_cohort and f"/cohorts/{trainer_cohort.pk}/team/")
    add("Trainer: pathway", Role.TRAINER.slug, _url("trainers:pathway"))
    add("Trainer: deliveries", Role.TRAINER.slug, _url("trainers:deliveries"))
    add("Trainer: register of a day", Role.TRAINER.slug, _register_url(trainer_cohort))

    facilitator = _user(Role.REGIONAL_FACILITATOR)
    region_cohort = _upcoming(Cohort.objects.filter(region__in=facilitator.regions.all()))
    add("Facilitator dashboard", Role.REGIONAL_FACILITATOR.slug, "/dashboard/facilitator/")
    add("Facilitator: cohort list (admin)", Role.REGIONAL_FACILITATOR.slug, "/admin/cohorts/", ADMIN_LISTING)
    add(
        "Facilitator: cohort with mix (admin)",
        Role.REGIONAL_FACILITATOR.slug,
        region_cohort and f"/admin/cohorts/inspect/{region_cohort.pk}/",
        ADMIN,
    )
    add(
        "Facilitator: cohort page (team)",
        Role.REGIONAL_FACILITATOR.slug,
        region_cohort and f"/cohorts/{region_cohort.pk}/team/",
    )
    add("Facilitator: registrations (admin)", Role.REGIONAL_FACILITATOR.slug, "/admin/registrations/", ADMIN_LISTING)
    add("Facilitator: trainers (admin)", Role.REGIONAL_FACILITATOR.slug, _url("trainer_profiles:index"), ADMIN_LISTING)

    admin = Role.PROGRAMME_ADMIN.slug
    add("Programme dashboard", admin, "/dashboard/programme/")
    add("Programme fidelity (admin)", admin, _url("oversight_fidelity"), ADMIN)
    add("Admin home", admin, "/admin/", ADMIN)
    add("Admin: all cohorts", admin, "/admin/cohorts/", ADMIN_LISTING)
    add("Admin: all registrations", admin, "/admin/registrations/", ADMIN_LISTING)
    add("Admin: mix across cohorts", admin, "/admin/cohort_mix/", ADMIN)
    add("Admin: venues", admin, "/admin/snippets/events/venue/", ADMIN_LISTING)
    add("Admin: trainers", admin, _url("trainer_profiles:index"), ADMIN_LISTING)
    add("Admin: trainer applications", admin, _url("trainer_applications:index"), ADMIN_LISTING)
    add("Admin: deliveries", admin, _url("deliveries:index"), ADMIN_LISTING)
    return pages, missing


def _register_url(cohort: Cohort | None) -> str | None:
    if cohort is None:
        return None
    session = cohort.sessions.order_by("date").first()
    return session and _url("feedback:register", session.pk)


#: The baselines measured with the same clients right before each role's pages (bench.views,
#: bench.wagtail_hooks).
FLOOR = Page("Floor (one query)", "", "/bench/floor/", "floor")
PLAIN = Page("Plain template page", "", "/bench/plain/", "stock")
STOCK_LISTING = Page("Stock Wagtail listing", "", "/admin/stock_items/", "stock")
