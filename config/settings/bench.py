"""Benchmarks only (`bench/run`, `bench/load`, `bench/faults`): production settings on loopback.

Everything that matters for speed is production's: DEBUG off, the Redis cache, compressed and
hashed static files through WhiteNoise, the task queue in the database. What differs is only what
plain HTTP on 127.0.0.1 needs (no HTTPS redirect, no HSTS, cookies without the Secure flag), a
fixed secret key that is never used anywhere else, mail written to files, and the `bench` package
with its baselines (the floor, a plain page, a stock listing). Never deploy with these settings.
"""

import os
from pathlib import Path

os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret-" + "b" * 40)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")

from .production import *  # noqa: E402, F403
from .production import BASE_DIR, INSTALLED_APPS, env  # noqa: E402

SECRET_KEY = "bench-only-not-secret-" + "b" * 40
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
BASE_URL = WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SECURE_HSTS_PRELOAD = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
ROOT_URLCONF = "config.urls_bench"

STATIC_ROOT = Path(env("BENCH_STATIC_ROOT", "/tmp/eskw-bench-static"))  # noqa: S108
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))

# Mail is written to files, one per message, so the fault test can count what was really sent.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = env("BENCH_EMAIL_DIR", "/tmp/eskw-bench-mail")  # noqa: S108

# `X-Bench-Queries` on every response when set: the number of SQL queries the request ran.
if env("BENCH_QUERY_HEADER", "") == "1":
    MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405

# The benchmarks run the production settings on this machine, on 127.0.0.1 (core.checks, issue #22).
SILENCED_SYSTEM_CHECKS = ["core.E001", "core.E002"]
