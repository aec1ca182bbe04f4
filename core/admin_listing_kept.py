"""What an admin listing works out besides its rows, kept a while (issue #8, docs/performance.md).

Every page of a Wagtail listing counts all the rows it could show, for "Page 1 of 3,665": at scale
1 a Regional Facilitator's registrations listing counted 73,000 rows each time, a third of its
time, and the count grows with the programme. And it draws its header again: the breadcrumbs, the
add and export buttons, the search box and the filters drawer, a Django form drawn through a
template per widget (2–3.5 ms of a 10–15 ms listing).

Both are kept per app process for `ADMIN_LISTING_KEPT_SECONDS`: the count under what decides the
listing's query (the view, the person, whose roles and regions scope it, and the query string but
its page number), the header under the view, the person, the whole address and the language. The
admin's cohort page keeps its header (breadcrumbs with the cohort's title, and its buttons) the
same way. The rows on the page, and the cohort's overview, are always read afresh. A row of the
platform's models saved or deleted in the process forgets everything kept; a change made in another
process, or to the person's regions, shows in the count, the filters' choices and a cohort page's
title this late (in the rows at once).
"""

from django.utils import translation
from django.utils.functional import cached_property
from wagtail.admin.paginator import WagtailPaginator

from core.process_memory import ProcessMemory, models_of

#: The platform's own apps: a saved or deleted row of any of their models forgets what is kept.
PLATFORM_APPS = ("core", "events", "trainers", "feedback", "courses")

_kept_counts = ProcessMemory("ADMIN_LISTING_KEPT_SECONDS", most=2000)
_kept_headers = ProcessMemory("ADMIN_LISTING_KEPT_SECONDS", most=2000)


class KeptCountPaginator(WagtailPaginator):
    """Wagtail's paginator, whose count is kept under `count_key` (counted each time without one)."""

    def __init__(self, *args, count_key=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        if self.count_key is None:
            return super().count
        return _kept_counts.get(self.count_key, lambda: WagtailPaginator.count.func(self))


def _view_and_person(view) -> tuple:
    return (type(view).__module__, type(view).__qualname__, view.request.user.pk)


def listing_count_key(view) -> tuple:
    """What decides an index view's rows: the view, the person, and the query string but its page."""
    query = view.request.GET.lists()
    return (
        *_view_and_person(view),
        tuple(sorted((name, tuple(values)) for name, values in query if name != view.page_kwarg)),
    )


class KeptHeaderMixin:
    """For an admin view whose template wraps its header in `{% kept_admin_header %}`: the header
    (breadcrumbs, buttons, search and filters) is kept (`kept_header`) rather than drawn on every
    visit. The platform's listings have it, and the admin's cohort page."""


def kept_header(view, draw) -> str:
    """The view's header as `draw()` draws it, kept for this view, person, address and language."""
    key = (*_view_and_person(view), view.request.get_full_path(), translation.get_language())
    return _kept_headers.get(key, draw)


def install() -> None:
    """Forget what is kept whenever a row of the platform's models is saved or deleted (at start-up)."""
    models = models_of(*PLATFORM_APPS)
    _kept_counts.forget_on_change(*models)
    _kept_headers.forget_on_change(*models)
