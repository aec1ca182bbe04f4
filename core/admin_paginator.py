"""Admin listings count their rows once in a while, not on every page (issue #8, docs/performance.md).

Wagtail's paginator counts every row a listing could show, for "Page 1 of 3,665": at scale 1 a
Regional Facilitator's registrations listing counted 73,000 rows on every page, a third of its time,
and the count grows with the programme. The rows on the page are always read afresh; only the count
is kept, per app process, for `ADMIN_LISTING_COUNT_SECONDS`, under what decides the listing's query:
the view, the person (whose regions scope it) and the page's filters, search and order. A change to
any of the platform's rows in this process forgets every kept count; a change made in another
process, or to the person's regions, shows in the count (not in the rows, which are right already)
this late.
"""

from django.apps import apps
from django.utils.functional import cached_property
from wagtail.admin.paginator import WagtailPaginator

from core.process_memory import ProcessMemory

#: The platform's own apps: a saved or deleted row of any of their models forgets the kept counts.
PLATFORM_APPS = ("core", "events", "trainers", "feedback", "courses")

_kept_counts = ProcessMemory("ADMIN_LISTING_COUNT_SECONDS", most=2000)


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


def listing_count_key(view) -> tuple:
    """What decides an index view's rows: the view, the person, and the query string but its page."""
    request = view.request
    query = tuple(sorted((name, tuple(values)) for name, values in request.GET.lists() if name != view.page_kwarg))
    return (type(view).__module__, type(view).__qualname__, request.user.pk, query)


def install() -> None:
    """Forget kept counts whenever a row of the platform's models is saved or deleted (at start-up)."""
    _kept_counts.forget_on_change(
        *(model for label in PLATFORM_APPS for model in apps.get_app_config(label).get_models())
    )
