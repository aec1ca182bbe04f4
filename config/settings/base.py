"""Settings shared by every environment.

Secrets and hosts come from the environment; see docs/deployment.md for the variables.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps, in their import order: core <- courses <- events <- trainers <- feedback <- oversight.
    "core",
    "courses",
    "events",
    "trainers",
    "feedback",
    "oversight",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "import_export",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Django's widget templates, for the site's form renderer (core.forms.SiteFormRenderer).
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.PreviewFramingMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "core.sessions.SessionLifetimeMiddleware",
    "core.middleware.StaffTwoFactorMiddleware",
    "core.middleware.AdminAccessMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The app runs short queries whose correlated count subqueries push PostgreSQL's cost estimates
    # over its JIT thresholds; compiling them cost ~300 ms a query at national scale
    # (docs/performance.md, item 0).
    # Reading a row by index costs little more than reading the next one on SSD storage, which is
    # what PostgreSQL is run on today; with its default (4, for spinning disks) it read every account
    # to list 1,500 trainers by surname (docs/performance.md, item 26). Set 4 on spinning disks.
    random_page_cost = float(env("DATABASE_RANDOM_PAGE_COST", "1.1"))
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = f"-c jit=off -c random_page_cost={random_page_cost}"
    if env("DATABASE_PREPARED_STATEMENTS", "on") == "on":
        # Parameters sent apart from the SQL, so psycopg prepares a query the 5th time a connection
        # runs it (psycopg's own threshold) and PostgreSQL keeps its plan: planning the joins of a
        # signed-in page cost more than running them (docs/performance.md, item 16). Set
        # DATABASE_PREPARED_STATEMENTS=off behind a pooler that cannot keep prepared statements
        # (PgBouncer in transaction mode before 1.21).
        DATABASES["default"]["OPTIONS"] |= {"server_side_binding": True, "prepare_threshold": 5}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "eskw",
    }
}

# Pages and feeds kept in the cache, and how long lists are (issue #8, docs/performance.md).
# Values kept under a generation (core.caching, issue #20) are read again at once after a change to
# what they show; their seconds below only bound how long an unread value takes room in the cache.
# The public course listing: courses per page, and seconds a rendered page is kept; also how long
# a cohort's page is shared between visitors with no cookies.
EVENTS_COHORT_LIST_PAGE_SIZE = 24
EVENTS_COHORT_LIST_CACHE_SECONDS = 60
# A trainer's calendar feed, fetched by calendar apps every few minutes: seconds its body is kept
# (and calendar apps are told they may keep it).
EVENTS_TRAINER_FEED_CACHE_SECONDS = 600
# Mix across cohorts: the default period reaches this many months back and ahead; cohorts per page.
EVENTS_MIX_SUMMARY_MONTHS = 3
EVENTS_MIX_SUMMARY_PAGE_SIZE = 50
# Seconds the summary is reused for people managing the same regions (new registrations show up that late).
EVENTS_MIX_SUMMARY_CACHE_SECONDS = 300
# A public cohort page's description (days, venue, what the course covers): seconds it is kept.
# For signed-in visitors places left are never cached.
EVENTS_COHORT_PAGE_CACHE_SECONDS = 60
# Programme and course pages, rendered once per audience (public or trainers), and the readings each
# course asks for (courses.caching, courses.reading_catalogue): seconds they are kept.
COURSES_PAGE_CACHE_SECONDS = 300
# The programme's numbers (Settings → Cohort rules, Feedback, Trainer pathway): seconds they are
# kept (core.site_settings).
SITE_SETTINGS_CACHE_SECONDS = 300
# The programme dashboard's count of people by role (a count over every account): seconds it is reused.
CORE_DASHBOARD_COUNTS_CACHE_SECONDS = 300
# The facilitator dashboard lists the cohorts at risk and this many of the next ones to run.
EVENTS_DASHBOARD_COMING_COHORTS = 20
# The facilitator dashboard's cohorts (the same for everyone managing the same regions): seconds they are
# reused. The panel says when it was read; a new registration or change shows there this late, and at
# once on the cohort's own page.
EVENTS_DASHBOARD_CACHE_SECONDS = 60
# Trainers suspended or withdrawn while on a team still to run ("Teams to change" on the facilitator
# dashboard): seconds the national list is kept (trainers.selectors.deliveries).
TRAINERS_TEAMS_TO_CHANGE_SECONDS = 300
# What participants said about a trainer's deliveries (their "My deliveries" page): seconds it is reused.
# A new evaluation of their cohort shows at once; a change of who delivers a cohort this late.
FEEDBACK_TRAINER_RESULTS_CACHE_SECONDS = 300

# --- Messages: who they come from and where their links go (issue #22 point 1, docs/notifications.md)
# The From of every email; replies go to the cohort's facilitator or region (Reply-To), not here.
# core.checks refuses to start production with `localhost` in it.
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "Early Support training <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
#: Where people write to the central team, e.g. to have their data deleted (shown on /my-data/).
PROGRAMME_CONTACT_EMAIL = env("PROGRAMME_CONTACT_EMAIL", "earlysupport@example.org")
# The site's public address: every link in every message is built on it, and Wagtail's admin links
# too (WAGTAILADMIN_BASE_URL below). WAGTAILADMIN_BASE_URL is still read as its older name.
BASE_URL = env("BASE_URL", env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000"))
# allauth's emails about changes to an account (email, password, the second step of signing in), in
# our words: templates/account/email/, templates/mfa/email/.
ACCOUNT_EMAIL_NOTIFICATIONS = True
# Sentence case for allauth's page headings ("Sign up"): locale/en_GB/LC_MESSAGES/django.po.
LOCALE_PATHS = [BASE_DIR / "locale"]
# --- end of messages

# Tasks: django-tasks with its database backend; `manage.py run_task_worker` (recovery, then db_worker)
# processes the queue.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A task still RUNNING after this long has lost its worker (killed, machine gone; issue #8 point 4) and
# is marked failed by `recover_notifications`. One task sends one email and SMTP gives up long before
# ten minutes; a live task wrongly marked costs nothing, as its message is locked while it is sent.
TASK_RUNNING_TIMEOUT_SECONDS = 600
# A message still queued this long after it was recorded, with no task left to send it, is queued
# again. Its task is queued on commit, seconds after the row, so five minutes only catches lost ones.
NOTIFICATION_REQUEUE_AFTER_SECONDS = 300
# The background jobs `manage.py run_scheduler` runs (core.scheduling, docs/deployment.md): each
# management command every so many seconds, or daily at a local time.
SCHEDULED_COMMANDS = {
    # Messages a killed worker left unsent (issue #8 point 4, docs/notifications.md).
    "recover_notifications": {"every": 300},
    # The safety net for waiting-list offers; each offer also expires on its own task (docs/cohorts.md).
    "expire_waiting_list_offers": {"every": 3600},
    # Pre-course packs and agendas that fell due (000:L2670–2676).
    "send_due_cohort_messages": {"daily_at": "06:00"},
    # Reading reminders before each course day (000:L898–904), in the morning.
    "send_reading_reminders": {"daily_at": "08:00"},
    # Evaluations at the end of each day attended (000:L2723), reflections and follow-ups: after the day.
    "send_after_course_invitations": {"daily_at": "17:30"},
    # The retention period (docs/privacy.md), after the nightly backup.
    "anonymise_expired_participants": {"daily_at": "03:30"},
}
# Seconds `run_scheduler` waits between looking for due jobs.
SCHEDULER_TICK_SECONDS = 60

# Notifications (core.notifications): how often the worker retries a message the mail server refused.
NOTIFICATION_MAX_ATTEMPTS = 5
NOTIFICATION_RETRY_SECONDS = 60

# Retention (core.privacy.retention): participants are anonymised once every cohort they were on ended
# more than this many years ago. The seeds give no period (DOMAIN.md §9 only says there is one); six
# years is our default, the usual limitation period for claims (Limitation Act 1980). See docs/privacy.md.
PARTICIPANT_RETENTION_YEARS = int(env("PARTICIPANT_RETENTION_YEARS", "6"))

# --- Accounts (django-allauth) -------------------------------------------------------------
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"
ACCOUNT_ADAPTER = "core.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "core.forms.SignupForm"
# allauth's forms with the site's specific messages for empty answers (issue #23.3).
ACCOUNT_FORMS = {
    name: f"core.account_forms.{form}"
    for name, form in {
        "login": "LoginForm",
        "signup": "SignupForm",
        "reset_password": "ResetPasswordForm",
        "reset_password_from_key": "ResetPasswordKeyForm",
        "change_password": "ChangePasswordForm",
        "set_password": "SetPasswordForm",
        "add_email": "AddEmailForm",
        "reauthenticate": "ReauthenticateForm",
    }.items()
}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Early Support training: "
ACCOUNT_RATE_LIMITS = {
    # Failed logins: 10 a minute per address, 5 per 5 minutes per account.
    "login_failed": "10/m/ip,5/300s/key",
    "login": "30/m/ip",
    "signup": "10/m/ip",
    "reset_password": "10/m/ip,3/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/180s/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Early Support training"
MFA_RECOVERY_CODES_SHOW_ONCE = True

# How long a sign-in lasts (core.sessions; issue #19 point 5). OWASP ASVS 4.0 level 2, V3.3.2: sign in
# again after 12 hours, and after 30 minutes unused for people who see others' details (staff, as
# core.two_step.requires_two_step says). Trainers and participants come back over weeks of readings
# and reflections and see only their own cohorts: two weeks at most, three days unused.
SESSION_STAFF_ABSOLUTE_SECONDS = 12 * 60 * 60
SESSION_STAFF_IDLE_SECONDS = 30 * 60
SESSION_PERSON_ABSOLUTE_SECONDS = 14 * 24 * 60 * 60
SESSION_PERSON_IDLE_SECONDS = 3 * 24 * 60 * 60
# The last-seen time is written at most this often, so that a busy page does not save its session
# on every request; idle limits are exact to within this.
SESSION_ACTIVITY_WRITE_SECONDS = 60
SESSION_COOKIE_AGE = SESSION_PERSON_ABSOLUTE_SECONDS

# --- Wagtail ---------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Early Support Key Working training"
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_I18N_ENABLED = False
# No avatars from an outside service: nothing about our users leaves the site.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Security headers (all environments, so tests see what production sends) ----------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    # Wagtail's admin sets inline style attributes; no inline scripts are allowed anywhere.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
# Wagtail's admin (staff only, behind two-step verification) writes inline scripts for its widgets.
CONTENT_SECURITY_POLICY_ADMIN = {"script-src": ["'self'", "'unsafe-inline'"]}

# --- Programme roles ---------------------------------------------------------------------------
# Roles that work in the Wagtail admin must use two-factor authentication (issue #2).
ROLES_REQUIRING_MFA = ["Programme admin", "Regional Facilitator"]

# A database that cannot be reached (core.outage; issue #19 point 5): the 503 page asks browsers to
# come back after this long, and the outage is logged once per this many seconds, not per request.
DATABASE_UNREACHABLE_RETRY_AFTER_SECONDS = 10
DATABASE_UNREACHABLE_LOG_SECONDS = 60

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"outage_logged_once": {"()": "core.outage.SkipServiceUnavailable"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"filters": ["outage_logged_once"]}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "WARNING")},
}
