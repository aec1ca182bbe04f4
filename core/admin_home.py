"""The Wagtail admin home's panels, drawn once in a while per person (issue #8, docs/performance.md).

The admin home draws Wagtail's site summary (how many pages, images and documents the person can
reach) and four panels (pages to moderate, the person's pages in moderation, their recent edits,
locked pages): eight queries and 9 ms of a 15 ms page at scale 1. Each is kept per app process, per
person, session and language, for `ADMIN_HOME_PANELS_SECONDS`. A page, image, document, revision, lock or
moderation step saved in the process forgets every kept panel; one saved in another process shows
this late. The panels hold links only: every page they lead to checks the person's permissions
itself.
"""

from django.utils import translation
from wagtail.admin.ui.components import Component

from core.process_memory import ProcessMemory, models_of

#: Apps whose rows the panels and the summary show.
SHOWN_APPS = ("wagtailcore", "wagtailimages", "wagtaildocs")

_kept = ProcessMemory("ADMIN_HOME_PANELS_SECONDS", most=2000)


class KeptPanel(Component):
    """A home panel or summary item, drawn from this process's memory when this person's is there."""

    def __init__(self, panel, request):
        self.panel = panel
        self.request = request
        self.order = panel.order

    @property
    def media(self):
        return self.panel.media

    def is_shown(self):
        return self.panel.is_shown() if hasattr(self.panel, "is_shown") else True

    def render_html(self, parent_context=None):
        # The session's CSRF secret too: a panel may carry the token in a form.
        key = (type(self.panel), self.request.user.pk, translation.get_language(), self.request.META.get("CSRF_COOKIE"))
        return _kept.get(key, lambda: self.panel.render_html(parent_context))


def keep_panels(request, panels: list) -> None:
    """For the `construct_homepage_panels` and `construct_homepage_summary_items` hooks, run last."""
    panels[:] = [KeptPanel(panel, request) for panel in panels]


def install() -> None:
    """Forget kept panels whenever a row of what they show is saved or deleted (at start-up)."""
    _kept.forget_on_change(*models_of(*SHOWN_APPS))
