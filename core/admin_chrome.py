"""Parts of every Wagtail admin page that are the same from page to page, drawn once and reused
(issue #8, docs/performance.md).

Besides the sidebar (core.admin_sidebar), every admin page draws the keyboard shortcuts dialog (a
table of about thirty translated rows: a tenth of an admin listing's time) and packs Wagtail's
configuration for the browser script (the site's locales, read from the database, and a few hundred
translated strings). Neither holds anything about the person but a yes/no and a token:

- the dialog is kept under everything Wagtail draws it from (the language, the browser, whether the
  person has shortcuts on and whether comments are), so a kept one is always the right one;
- the configuration is kept per language, with the parts that belong to this request (the CSRF
  token, the person's shortcuts setting, the locale being edited) put in fresh each time. Saving a
  locale forgets it in that process; other processes read the locales again within
  `ADMIN_CHROME_CACHE_SECONDS`.
"""

from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.models import Locale

from core.process_memory import ProcessMemory

DIALOG_TEMPLATE = "wagtailadmin/shared/keyboard_shortcuts_dialog.html"

_kept_dialogs = ProcessMemory("ADMIN_CHROME_CACHE_SECONDS", most=500)
_kept_configs = ProcessMemory("ADMIN_CHROME_CACHE_SECONDS", most=50)


def kept_keyboard_shortcuts_dialog(context) -> str:
    """Wagtail's `{% keyboard_shortcuts_dialog %}`, drawn once for everything Wagtail draws it from:
    the language, the browser (its keys), the person's shortcuts setting and whether comments are on."""
    request = context["request"]
    profile = getattr(request.user, "wagtail_userprofile", None)
    key = (
        translation.get_language(),
        request.headers.get("User-Agent", ""),
        profile.keyboard_shortcuts if profile is not None else True,
        wagtailadmin_tags.get_comments_enabled(),
    )
    return _kept_dialogs.get(
        key, lambda: render_to_string(DIALOG_TEMPLATE, wagtailadmin_tags.keyboard_shortcuts_dialog(context))
    )


def kept_wagtail_config(context) -> dict:
    """Wagtail's `{% wagtail_config %}`: the language's part kept, this request's part fresh."""
    shared = _kept_configs.get(translation.get_language(), lambda: wagtailadmin_tags.wagtail_config(context))
    request = context["request"]
    config = {key: value for key, value in shared.items() if key != "ACTIVE_CONTENT_LOCALE"}
    config["CSRF_TOKEN"] = get_token(request)
    if locale := context.get("locale"):
        config["ACTIVE_CONTENT_LOCALE"] = locale.language_code
    profile = getattr(request.user, "wagtail_userprofile", None)
    config["KEYBOARD_SHORTCUTS_ENABLED"] = profile.keyboard_shortcuts if profile is not None else True
    return config


def install() -> None:
    """Make Wagtail's admin templates use the kept dialog and configuration (at start-up)."""
    register = wagtailadmin_tags.register
    register.simple_tag(kept_keyboard_shortcuts_dialog, takes_context=True, name="keyboard_shortcuts_dialog")
    register.simple_tag(kept_wagtail_config, takes_context=True, name="wagtail_config")
    _kept_configs.forget_on_change(Locale)
