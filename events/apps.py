from django.apps import AppConfig

from core.roles import Role


def _perms(model: str, *actions: str) -> list[str]:
    return [f"events.{action}_{model}" for action in actions]


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Cohorts"

    #: Facilitators schedule cohorts and recruit in their regions; programme admins everywhere and own
    #: the rules (DOMAIN.md §2). Querysets narrow facilitators to their regions (`in_regions_of`).
    role_permissions = {
        Role.PROGRAMME_ADMIN: [
            *_perms("cohort", "add", "change", "delete", "view"),
            *_perms("venue", "add", "change", "delete", "view"),
            *_perms("registration", "add", "view"),
            *_perms("day1completion", "add", "view"),
            *_perms("cohortsettings", "change"),
        ],
        Role.REGIONAL_FACILITATOR: [
            *_perms("cohort", "add", "change", "view"),
            *_perms("venue", "add", "change", "view"),
            *_perms("registration", "add", "view"),
            *_perms("day1completion", "add", "view"),
        ],
    }

    @property
    def personal_data(self):
        """Registrations can reveal disability and family circumstances (DOMAIN.md §9): erasure blanks
        the answers that identify or describe a person, keeping only what the cohort's counts need."""
        from core.privacy import PersonalData
        from events.models.choices import Sector

        return [
            PersonalData(
                model="events.Registration",
                owner="person",
                label="Your course registrations",
                erase="anonymise",
                anonymise={
                    "organisation": "",
                    "job_title": "",
                    "access_needs": "",
                    "relation_to_child": "",
                    "cancelled_reason": "",
                    "ethnicity": "",
                    "sex": "",
                    "age_band": "",
                },
                list_choices={"sectors": Sector},
            ),
            PersonalData(
                model="events.Preparation",
                owner="registration__person",
                label="How we prepared with you for a course",
                erase="delete",
            ),
            PersonalData(
                model="events.PlaceOffer",
                owner="registration__person",
                label="Places offered to you from a waiting list",
                erase="delete",
                exclude_from_export=("token",),
            ),
            PersonalData(
                model="events.Day1Completion",
                owner="person",
                label="Your Day 1",
                erase="anonymise",
                anonymise={"note": ""},
            ),
            PersonalData(
                model="events.CalendarFeed",
                owner="person",
                label="Your private calendar address",
                erase="delete",
                exclude_from_export=("token",),
            ),
        ]

    def ready(self) -> None:
        from events import messages
        from events.caching import bump_on_cohort_change

        messages.register()
        bump_on_cohort_change(self.get_models())

    def bootstrap(self, out) -> None:
        """Demo venues and cohorts in each state, when demo data is wanted (`manage.py bootstrap`)."""
        if out.demo:
            from events.bootstrap import ensure_demo_cohorts

            ensure_demo_cohorts(out)
