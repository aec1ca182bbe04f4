from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from core import checks, sessions, two_step  # noqa: F401 - start-up checks and signal receivers
        from core.site_settings import bump_on_settings_change

        bump_on_settings_change()

    @property
    def personal_data(self):
        from core.privacy import PersonalData

        return [
            PersonalData(model="core.Notification", owner="recipient", label="Messages we sent you", erase="delete"),
            PersonalData(model="core.ConsentDecision", owner="person", label="Your consent choices", erase="delete"),
        ]

    #: Models of this app that point at a person but hold nothing about them (checked by a test).
    personal_data_exempt = {"core.User": "the account itself: exported and anonymised by core.privacy.services"}

    def bootstrap(self, out) -> None:
        """Reference data and the site every other app builds on (see `manage.py bootstrap`)."""
        from core.bootstrap import run

        run(out)
