"""Local development: `make run` serves this on 127.0.0.1:8000 with SQLite."""

from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env("DJANGO_SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Without a worker running beside `runserver`, tasks run as they are enqueued.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Static files come straight from the app folders (WhiteNoise finders); only production collects them.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
