from django.apps import AppConfig

from core.roles import Role


def _perms(model: str, *actions: str) -> list[str]:
    return [f"trainers.{action}_{model}" for action in actions]


class TrainersConfig(AppConfig):
    name = "trainers"
    verbose_name = "Trainers"

    #: Programme admins own assessment and accreditation (DOMAIN.md §2); facilitators see their
    #: regions' trainers and set their cohorts' teams. Querysets narrow facilitators to their regions.
    role_permissions = {
        Role.PROGRAMME_ADMIN: [
            *_perms("trainerprofile", "add", "change", "view"),
            *_perms("application", "change", "view"),
            *_perms("deliveryassignment", "change", "view"),
            *_perms("t4tprereadingconfirmation", "add"),
            *_perms("trainersettings", "change"),
        ],
        Role.REGIONAL_FACILITATOR: [
            *_perms("trainerprofile", "view"),
            *_perms("deliveryassignment", "change", "view"),
        ],
    }

    @property
    def personal_data(self):
        """Delivery histories stay on erasure (cohorts and other trainers' records depend on who delivered
        what); CVs and statements go; reflections, notes and evidence are blanked."""
        from core.privacy import PersonalData

        return [
            PersonalData(
                model="trainers.TrainerProfile",
                owner="person",
                label="Your trainer record",
                erase="anonymise",
                anonymise={"standing_reason": ""},
            ),
            PersonalData(
                model="trainers.PathwayStep",
                owner="profile__person",
                label="Your steps as a trainer",
                erase="anonymise",
                anonymise={"note": ""},
            ),
            PersonalData(
                model="trainers.CriterionStatement",
                owner="application__profile__person",
                label="Your statements against the person specification",
                erase="delete",
            ),
            PersonalData(
                model="trainers.Application",
                owner="profile__person",
                label="Your applications to become a trainer",
                erase="delete",
            ),
            PersonalData(
                model="trainers.CriterionAssessment",
                owner="profile__person",
                label="How you were assessed against the person specification",
                erase="anonymise",
                anonymise={"evidence": ""},
            ),
            PersonalData(
                model="trainers.T4TPlace", owner="profile__person", label="Your Training for Trainers", erase="keep"
            ),
            PersonalData(
                model="trainers.T4TPrereadingConfirmation",
                owner="person",
                label="Your Training for Trainers pre-reading",
                erase="anonymise",
                anonymise={"note": ""},
            ),
            PersonalData(
                model="trainers.DeliveryAssignment",
                owner="trainer",
                label="Courses you delivered",
                erase="anonymise",
                anonymise={"reflection": ""},
            ),
            PersonalData(
                model="trainers.DeliveryChecklist",
                owner="assignment__trainer",
                label="Your checklists before each delivery",
                erase="keep",
            ),
        ]

    def ready(self) -> None:
        from events.interfaces import register_change_check, register_risk_source
        from trainers import messages, signals  # noqa: F401 - signals connect on import
        from trainers.selectors import deliveries  # noqa: F401 - what it keeps is forgotten on a change
        from trainers.selectors.cohort_risks import team_risk_reasons
        from trainers.services.rostering import cohort_days_problems

        messages.register()
        register_change_check(cohort_days_problems)
        register_risk_source(team_risk_reasons)

    def bootstrap(self, out) -> None:
        """Demo trainers at several steps of the pathway, when demo data is wanted."""
        if out.demo:
            from trainers.bootstrap import ensure_demo_trainers

            ensure_demo_trainers(out)
