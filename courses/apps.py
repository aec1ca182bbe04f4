from django.apps import AppConfig

from core.roles import Role

REFERENCE_MODELS = (
    "principle",
    "learningoutcome",
    "keyworkingfunctionarea",
    "keyworkingfunction",
    "resource",
    "glossaryterm",
    "personspecificationcriterion",
)


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses"

    #: Programme admins own course content (DOMAIN.md §2); page permissions come from the root grant.
    role_permissions = {
        Role.PROGRAMME_ADMIN: [
            f"courses.{action}_{model}" for model in REFERENCE_MODELS for action in ("add", "change", "delete", "view")
        ],
    }

    def ready(self) -> None:
        # Importing them ties what they keep to changes of the content (ProcessMemory.forget_on_change).
        from courses import caching, reading_catalogue  # noqa: F401

    def bootstrap(self, out) -> None:
        """The programme from the seeds: reference snippets, courses, sections, readings, trainer pages."""
        from courses.bootstrap import run

        run(out)
