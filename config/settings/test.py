"""Test settings: SQLite in memory unless DATABASE_URL points at PostgreSQL."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key-" + "x" * 50
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
DEFAULT_FROM_EMAIL = SERVER_EMAIL = "Early Support training <no-reply@early-support.test>"
# Static files come straight from the app folders (WhiteNoise finders); only production collects them.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True

# A file, not memory, for SQLite: the browser tests' live server thread and the task worker then have
# connections of their own. One file per test process, so that runs side by side do not collide.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / f".test-db-{os.getpid()}.sqlite3")}  # noqa: F405

# Redis when REDIS_URL is set (CI, `.ci/run`), as in production; local memory otherwise (base).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}
    }

# Email templates for messages that only the tests register.
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "core" / "tests" / "templates"]  # noqa: F405

# Tests travel in time (freezegun) after signing people in, to deadlines weeks away: sign-ins do not
# end here. core/tests/test_sessions.py puts the real limits from base.py back and tests them.
SESSION_STAFF_ABSOLUTE_SECONDS = SESSION_STAFF_IDLE_SECONDS = 10 * 365 * 24 * 60 * 60
SESSION_PERSON_ABSOLUTE_SECONDS = SESSION_PERSON_IDLE_SECONDS = SESSION_STAFF_ABSOLUTE_SECONDS
