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
        from courses.caching import bump_on_content_change

        bump_on_content_change(self.get_models())

    def bootstrap(self, out) -> None:
        """The programme from the seeds: reference snippets, courses, sections, readings, trainer pages."""
        from courses.bootstrap import run

        run(out)
