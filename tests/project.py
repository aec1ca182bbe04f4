"""The platform's own apps, for the tests of rules that hold across the whole project."""

from pathlib import Path

from django.apps import apps
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR).resolve()
#: Installed packages, wherever the virtual environment lives (`make` puts it in `.venv/`, inside the repository).
INSTALLED_PACKAGES = {"site-packages", "dist-packages"}


def local_apps():
    """The installed apps whose code is in this repository (not Django's, Wagtail's or a library's)."""
    return [
        config
        for config in apps.get_app_configs()
        if BASE_DIR in (path := Path(config.path).resolve()).parents and not INSTALLED_PACKAGES & set(path.parts)
    ]
