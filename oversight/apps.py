from django.apps import AppConfig


class OversightConfig(AppConfig):
    """The fidelity dashboard reads across every other app, so it sits to their right
    (docs/decisions/0004-oversight-app.md)."""

    name = "oversight"
    verbose_name = "Programme oversight"

    def ready(self) -> None:
        from oversight.selectors import bump_on_programme_change

        bump_on_programme_change()
