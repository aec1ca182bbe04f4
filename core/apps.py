from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def bootstrap(self, out) -> None:
        """Reference data and the site every other app builds on (see `manage.py bootstrap`)."""
        from core.bootstrap import run

        run(out)
