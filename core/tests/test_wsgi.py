"""The app processes' entry point (config.wsgi)."""

import gc
import sys
from importlib import import_module

from django.conf import settings


def test_an_app_process_freezes_what_it_loaded_before_it_serves():
    """The apps and every view are loaded, then kept out of the garbage collector's full collections."""
    gc.unfreeze()
    sys.modules.pop("config.wsgi", None)
    try:
        wsgi = import_module("config.wsgi")

        assert callable(wsgi.application)
        assert settings.ROOT_URLCONF in sys.modules
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
