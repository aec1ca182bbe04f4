"""Listing cells and tables written in Python draw what Wagtail's templates draw, and row URLs are what
reversing them gives (core.admin_listing, issue #8).

Each case draws one cell (or a whole table) both ways, Wagtail's `Column`/`TitleColumn` with their templates and the
quick columns, and compares the HTML with runs of white space taken out. When a Wagtail upgrade
changes its markup, these fail and say where.
"""

import datetime
import re
import uuid
from types import SimpleNamespace

import pytest
from django.contrib.admin.utils import quote
from django.forms.utils import flatatt
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, ButtonsColumnMixin, Column, Table, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.widgets.button import Button, ButtonWithDropdown
from wagtail.permission_policies import ModelPermissionPolicy

from core.admin_listing import (
    QuickBulkActionsCheckboxColumn,
    QuickColumn,
    QuickListingMixin,
    QuickTable,
    QuickTitleColumn,
    row_url,
)
from core.admin_markup import flat_attrs
from core.roles import Role
from events.models import Cohort

ROW = SimpleNamespace(
    pk=7,
    title="Day 1 <Leeds> & 'Bradford'",
    places=12,
    zero=0,
    blank="  ",
    nothing=None,
    when=timezone.make_aware(datetime.datetime(2026, 6, 26, 9, 0), datetime.UTC),
    day=datetime.date(2026, 6, 26),
    ticked=True,
)


def _html(markup) -> str:
    return re.sub(r"\s*(<|>)\s*", r"\1", re.sub(r"\s+", " ", str(markup))).strip()


def _context() -> dict:
    """What a `Table` gives each cell."""
    return {"request": RequestFactory().get("/admin/"), "row": None, "table": None}


def _both(name, wagtail_class, quick_class, instance=ROW, **kwargs) -> tuple[str, str]:
    context = _context()
    wagtail = wagtail_class(name, **kwargs).render_cell_html(instance, context)
    quick = quick_class(name, **kwargs).render_cell_html(instance, context)
    return _html(wagtail), _html(quick)


@pytest.mark.parametrize("name", ["title", "places", "zero", "blank", "nothing", "when", "day", "ticked"])
def test_a_cell_is_drawn_as_wagtails_cell_template_draws_it(name):
    wagtail, quick = _both(name, Column, QuickColumn, classname="w-text-right")

    assert quick == wagtail


def test_a_cell_shows_a_time_in_the_local_time_zone_and_format_as_the_template_does(settings):
    wagtail, quick = _both("when", Column, QuickColumn)

    assert quick == wagtail
    assert "2026-06-26 09:00:00" not in quick


def test_an_accessor_and_an_empty_text_are_used_as_wagtail_uses_them():
    wagtail, quick = _both("blank", Column, QuickColumn, accessor=lambda row: "")

    assert quick == wagtail == "<td></td>"


def _buttons(row):
    more = [
        Button("Edit", url=f"/admin/things/edit/{row.pk}/", icon_name="edit", priority=10),
        Button("Delete", url=f"/admin/things/delete/{row.pk}/", icon_name="bin", priority=30),
        Button("Inspect", url=f"/admin/things/inspect/{row.pk}/", icon_name="info-circle", priority=20),
    ]
    return [
        Button("Open", url="/open/", classname="button button-small", attrs={"data-x": "1"}),
        ButtonWithDropdown(
            buttons=more, icon_name="dots-horizontal", attrs={"aria-label": f"More options for '{row.title}'"}
        ),
    ]


def _with_buttons(column_class):
    def get_buttons(column, instance, parent_context):
        return _buttons(instance)

    return type(column_class.__name__, (ButtonsColumnMixin, column_class), {"get_buttons": get_buttons})


def _title_cells(**kwargs) -> tuple[str, str]:
    return _both("title", _with_buttons(TitleColumn), _with_buttons(QuickTitleColumn), **kwargs)


def test_a_title_links_to_the_row_with_its_buttons_and_more_options_menu_as_wagtail_draws_it():
    wagtail, quick = _title_cells(get_url=lambda row: f"/admin/things/edit/{row.pk}/")

    assert quick == wagtail
    assert 'aria-label="More options for &#x27;Day 1 &lt;Leeds&gt; &amp; &#x27;Bradford&#x27;&#x27;"' in quick
    assert quick.index("Edit</a>") < quick.index("Inspect</a>") < quick.index("Delete</a>")


def test_a_title_with_a_link_class_attributes_and_a_title_id_is_drawn_as_wagtail_draws_it():
    wagtail, quick = _title_cells(
        get_url=lambda row: "/x/",
        link_classname="w-link",
        link_attrs={"data-row": "7", "data-new": True, "data-old": False},
        get_title_id=lambda row: f"row_{row.pk}_title",
        classname="w-w-1/2",
    )

    assert quick == wagtail
    assert '<span id="row_7_title">' in quick


def test_a_title_without_a_link_is_a_label_or_plain_text_as_wagtail_draws_it():
    as_label = _title_cells(label_prefix="select")
    plain = _both("title", TitleColumn, QuickTitleColumn)

    assert as_label[1] == as_label[0]
    assert '<label for="select-7">' in as_label[1]
    assert plain[1] == plain[0]
    assert "<a" not in plain[1]


class Badge(Component):
    """A kind of button `core.admin_listing` does not know: drawn by its own rendering."""

    show = True
    priority = 1

    def render_html(self, parent_context=None):
        return format_html("<b>{}</b>", "badge")

    def __lt__(self, other):
        return True


def test_a_button_of_a_kind_it_does_not_know_is_drawn_by_its_own_rendering():
    def get_buttons(column, instance, parent_context):
        return [Badge()]

    column_class = type("T", (ButtonsColumnMixin, QuickTitleColumn), {"get_buttons": get_buttons})

    html = column_class("title", get_url=lambda row: "/x/").render_cell_html(ROW, _context())

    assert '<ul class="actions"><li><b>badge</b></li></ul>' in _html(html)


class Striped(Table):
    def get_row_classname(self, instance):
        return "striped" if instance.pk % 2 else ""


def _table(table_class, checkbox_class, title_class, column_class, **kwargs) -> str:
    columns = [
        checkbox_class("bulk_actions", obj_type="thing"),
        _with_buttons(title_class)(
            "title",
            get_url=lambda row: f"/admin/things/edit/{row.pk}/",
            get_title_id=lambda row: f"thing_{row.pk}_title",
        ),
        column_class("places", classname="w-text-right", width="10%", sort_key="places"),
        column_class("when", label="Starts"),
    ]
    rows = [ROW, SimpleNamespace(**{**vars(ROW), "pk": 8, "title": "Day 2", "places": 3})]
    table = table_class(columns, rows, base_url="/admin/things/", ordering="-places", **kwargs)
    return _html(table.render_html({"request": RequestFactory().get("/admin/things/", {"q": "day"})}))


@pytest.mark.parametrize("kwargs", [{}, {"caption": "Things <soon>", "attrs": {"data-x": "1"}, "classname": "w-x"}])
def test_a_whole_table_is_drawn_as_wagtails_table_template_draws_it(kwargs):
    wagtail = _table(type("T", (Striped,), {}), BulkActionsCheckboxColumn, TitleColumn, Column, **kwargs)
    quick = _table(
        type("T", (Striped, QuickTable), {}), QuickBulkActionsCheckboxColumn, QuickTitleColumn, QuickColumn, **kwargs
    )

    assert quick == wagtail
    assert '<tr class="striped">' in quick and 'aria-describedby="thing_7_title"' in quick
    assert '<col width="10%"/>' in quick or '<col width="10%" />' in quick


@pytest.mark.urls("core.tests.row_url_urls")
@pytest.mark.parametrize(
    ("url_name", "pk"),
    [
        ("row_url_int", 7),
        ("row_url_int", 402712345678),
        ("row_url_str", "a/b c_ü"),
        ("row_url_uuid", uuid.UUID("12345678-1234-5678-1234-567812345678")),
    ],
)
def test_a_row_url_is_what_reversing_it_for_the_row_gives(url_name, pk):
    row = SimpleNamespace(pk=pk)

    for _ in range(2):  # cut the first time, reused the second
        assert row_url(url_name, row) == reverse(url_name, args=(quote(pk),))


class _CountingPolicy(ModelPermissionPolicy):
    def __init__(self, model):
        super().__init__(model)
        self.asked = []

    def user_has_any_permission(self, user, actions):
        self.asked.append(frozenset(actions))
        return super().user_has_any_permission(user, actions)


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "answer"), [(Role.PROGRAMME_ADMIN, True), (Role.PARTICIPANT, False)])
def test_a_listing_asks_whether_a_row_may_be_inspected_once_per_page(make_user, role, answer):
    view = type(
        "CohortIndex", (QuickListingMixin, IndexView), {"model": Cohort, "inspect_url_name": "cohorts:inspect"}
    )()
    view.request = RequestFactory().get("/admin/cohorts/")
    view.request.user = make_user(role)
    view.permission_policy = _CountingPolicy(Cohort)
    rows = [SimpleNamespace(pk=7), SimpleNamespace(pk=8)]

    urls = [view.get_inspect_url(row) for row in rows]

    assert urls == ([reverse("cohorts:inspect", args=[row.pk]) for row in rows] if answer else [None, None])
    assert view.permission_policy.asked == [frozenset({"add", "change", "delete", "view"})]


@pytest.mark.parametrize("ordering", ["places", "-places", "title", ""])
@pytest.mark.parametrize(
    "kwargs",
    [
        {"sort_key": "places"},
        {"sort_key": "places", "classname": "w-text-right", "label": "Places <left> & 'taken'"},
        {"sort_key": "places", "ascending_title_text": "Fewest first", "descending_title_text": "Most first"},
        {"label": "Not sortable"},
    ],
)
@pytest.mark.parametrize("column_classes", [(Column, QuickColumn), (TitleColumn, QuickTitleColumn)])
def test_a_column_header_is_drawn_as_wagtails_header_template_draws_it(ordering, kwargs, column_classes):
    """The link sorts the other way when sorted by this column already, goes back to the first page
    and keeps the rest of the query."""
    request = RequestFactory().get("/admin/things/", {"q": "day & night", "p": "3", "region": ["1", "2"]})
    table = Table([], [], base_url="/admin/things/", ordering=ordering)
    context = {"request": request, "table": table}
    wagtail_class, quick_class = column_classes

    wagtail = wagtail_class("places", **kwargs).render_header_html(context)
    quick = quick_class("places", **kwargs).render_header_html(context)

    assert _html(quick) == _html(wagtail)
    assert ("ordering=" in quick) == ("sort_key" in kwargs)


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.PROGRAMME_ADMIN, Role.REGIONAL_FACILITATOR, Role.PARTICIPANT])
def test_a_rows_more_options_are_wagtails(make_user, role):
    """Edit, Copy, Inspect and Delete as Wagtail's index view makes them, each only when allowed."""
    urls = {"edit_url_name": "cohorts:edit", "copy_url_name": "cohorts:edit", "inspect_url_name": "cohorts:inspect"}
    view_class = type("CohortIndex", (QuickListingMixin, IndexView), {"model": Cohort, **urls})
    view_class.delete_url_name = "cohorts:delete"
    view = view_class()
    view.request = RequestFactory().get("/admin/cohorts/")
    view.request.user = make_user(role, mfa=True)
    view.permission_policy = ModelPermissionPolicy(Cohort)
    row = SimpleNamespace(pk=7)

    def described(items):
        return [(str(item.label), item.url, item.icon_name, item.priority) for item in items]

    assert described(view.get_list_more_buttons(row)) == described(IndexView.get_list_more_buttons(view, row))
    assert len(view.get_list_more_buttons(row)) == {Role.PROGRAMME_ADMIN: 4, Role.PARTICIPANT: 0}.get(role, 3)


@pytest.mark.parametrize(
    "attrs",
    [
        {},
        {"data-b": "2", "aria-label": "More for 'Leeds' & <Bradford>", "data-a": 1},
        {"hidden": True, "disabled": False, "title": None, "data-x": "", "autofocus": True, "id": "x"},
    ],
)
def test_button_attributes_are_written_as_djangos_flatatt_writes_them(attrs):
    assert flat_attrs(attrs) == str(flatatt(attrs))
