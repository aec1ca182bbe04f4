"""Wagtail's admin sidebar, built once per person and reused (issue #8, docs/performance.md).

Every admin page draws the sidebar: Wagtail asks each menu item whether this person may see it,
then packs the menu for the browser. For one person it is the same from page to page, and building
it was a fifth of an admin listing's time. So the packed sidebar is kept per app process for
`ADMIN_SIDEBAR_CACHE_SECONDS`, under the person, their name, roles, permissions and the language:
a change to any of those shows on the next page. Page and collection permissions and avatars are
not in the key; saving one forgets every kept sidebar in the process that saved it, and other
processes show it within the timeout. The sidebar holds links only: every admin view still checks
the permission itself.
"""

from django.apps import apps
from django.utils import translation
from wagtail.admin.templatetags import wagtailadmin_tags

from core.process_memory import ProcessMemory

_kept = ProcessMemory("ADMIN_SIDEBAR_CACHE_SECONDS", most=500)

# What a sidebar shows that is not in its key: page and collection permissions, and the avatar.
_SHOWN_BUT_NOT_IN_KEY = (
    "wagtailcore.GroupPagePermission",
    "wagtailcore.GroupCollectionPermission",
    "wagtailusers.UserProfile",
)


def kept_sidebar_props(context) -> str:
    """Wagtail's `{% sidebar_props %}`, from this process's memory when this person's is there."""
    user = context["request"].user
    key = (
        user.pk,
        user.first_name,
        user.get_username(),
        translation.get_language(),
        user.role_names,
        frozenset(user.get_all_permissions()),
    )
    return _kept.get(key, lambda: wagtailadmin_tags.sidebar_props(context))


def install() -> None:
    """Make `{% sidebar_props %}` in Wagtail's admin templates use the kept sidebar, and forget kept
    sidebars when what they show but are not kept under changes (at start-up)."""
    wagtailadmin_tags.register.simple_tag(kept_sidebar_props, takes_context=True, name="sidebar_props")
    _kept.forget_on_change(*(apps.get_model(label) for label in _SHOWN_BUT_NOT_IN_KEY))
