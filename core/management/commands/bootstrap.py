"""`manage.py bootstrap`: everything a new installation needs, safe to run again and again.

Each app contributes its own part through a `bootstrap(out)` method on its AppConfig, in the order
of INSTALLED_APPS, so core never imports the apps that build on it.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Create the site, roles, reference data, programme content and demo data (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--no-demo", action="store_true", help="Skip demo users and demo data.")

    def handle(self, *args, **options):
        out = BootstrapOutput(self.stdout, self.style, demo=not options["no_demo"])
        for config in apps.get_app_configs():
            step = getattr(config, "bootstrap", None)
            if step is not None:
                with transaction.atomic():
                    step(out)
        self.stdout.write(self.style.SUCCESS("Bootstrap complete."))
        for notice in out.notices:
            self.stdout.write(self.style.WARNING(notice))


class BootstrapOutput:
    """What each app's bootstrap step writes to, and whether demo data is wanted."""

    def __init__(self, stdout, style, *, demo: bool):
        self.stdout = stdout
        self.style = style
        self.demo = demo
        #: Written last, after the steps and any emails the demo data sends (printed in development),
        #: so that the demo logins are the last thing `make run` shows before the server starts.
        self.notices: list[str] = []

    def step(self, message: str) -> None:
        self.stdout.write(f"  {message}")

    def notice(self, message: str) -> None:
        self.notices.append(message)
