from django.apps import AppConfig

from core.roles import Role


def _perms(model: str, *actions: str) -> list[str]:
    return [f"feedback.{action}_{model}" for action in actions]


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Course follow-through"

    #: The central team owns the forms and questionnaires and sees every record; facilitators follow up
    #: questions, read trainers' feedback and see attendance in their regions (DOMAIN.md §2, §7).
    role_permissions = {
        Role.PROGRAMME_ADMIN: [
            # No delete: a published form keeps its responses; untick "in use" to retire it.
            *_perms("evaluationform", "add", "change", "view"),
            *_perms("scale", "add", "change", "view"),
            *_perms("questionnaire", "add", "change", "view"),
            *_perms("questionnaireentry", "view"),
            *_perms("openquestion", "change", "view"),
            *_perms("criticalincident", "view"),
            *_perms("trainerreflection", "view"),
            *_perms("attendance", "view"),
            *_perms("certificate", "view"),
            *_perms("feedbacksettings", "change"),
        ],
        Role.REGIONAL_FACILITATOR: [
            *_perms("openquestion", "change", "view"),
            *_perms("trainerreflection", "view"),
            *_perms("attendance", "view"),
            *_perms("certificate", "view"),
        ],
    }

    @property
    def personal_data(self):
        """Reading answers, reflections and family descriptions can reveal special category data
        (DOMAIN.md §9): erasure deletes them. Attendance stays (the cohort's counts), without its note."""
        from core.privacy import PersonalData

        return [
            PersonalData(
                model="feedback.ReadingItemProgress", owner="person", label="Readings you read", erase="delete"
            ),
            PersonalData(
                model="feedback.ReadingAnswer",
                owner="person",
                label="Your answers to reading questions",
                erase="delete",
            ),
            PersonalData(
                model="feedback.Attendance",
                owner="registration__person",
                label="Your attendance",
                erase="anonymise",
                anonymise={"note": ""},
            ),
            PersonalData(
                model="feedback.EvaluationReceipt",
                owner="registration__person",
                label="Course days you evaluated",
                erase="delete",
            ),
            PersonalData(
                model="feedback.EvaluationResponse",
                owner="registration__person",
                label="Your evaluations (when the form was not anonymous)",
                erase="anonymise",
                anonymise={"registration": None},
            ),
            PersonalData(
                model="feedback.EvaluationAnswer",
                owner="response__registration__person",
                label="Your evaluation answers (when the form was not anonymous)",
                erase="keep",
            ),
            #: Ratings of a trainer stay after their erasure: they count in the cohort's and region's results.
            PersonalData(
                model="feedback.EvaluationAnswer",
                owner="trainer",
                label="What participants said about your training",
                erase="keep",
                exclude_from_export=("response",),
            ),
            PersonalData(
                model="feedback.QuestionnaireEntry",
                owner="registration__person",
                label="Your reflective practice and follow-up answers",
                erase="delete",
            ),
            PersonalData(
                model="feedback.EntryComment",
                owner="entry__registration__person",
                label="Comments on your reflections",
                erase="delete",
            ),
            PersonalData(
                model="feedback.TrainerReflection",
                owner="trainer",
                label="Your reflections after delivering",
                erase="keep",
            ),
            #: Kept: the erased account has no photo consent, so photos showing them stop being shared.
            PersonalData(model="feedback.MaterialTag", owner="person", label="Photos you are tagged in", erase="keep"),
            PersonalData(
                model="feedback.Certificate",
                owner="registration__person",
                label="Your certificates of attendance",
                erase="delete",
            ),
        ]

    def ready(self) -> None:
        from events.interfaces import register_delivery_check
        from feedback import integrations, messages
        from trainers.interfaces import register_prereading_source, register_trainer_feedback_source

        messages.register()
        register_delivery_check(integrations.registers_not_taken)
        register_prereading_source(integrations.people_who_finished_t4t_reading)
        register_trainer_feedback_source(integrations.participant_feedback_about)

    def bootstrap(self, out) -> None:
        """Reflective practice RP1–RP5, the follow-up questionnaires and the evaluation form, from the
        seeds; demo progress on a delivered demo cohort when demo data is wanted."""
        from feedback.bootstrap import run

        run(out)
