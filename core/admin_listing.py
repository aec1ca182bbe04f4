"""Admin listings drawn in Python instead of through templates (issue #8, ADR 0005).

Wagtail draws every cell of a listing with a template, and every row's "More options" menu with
five more (the menu, its toggle, each link, each icon): about 150 template renders for a page of
20 rows, which was half the time of the platform's admin listings. `QuickListingMixin` gives an
index view a table, checkboxes and columns that write the same markup directly (core.admin_markup):
the same classes, the same `w-dropdown` menu, the same icons and labels, so Wagtail's styles and
scripts treat it as theirs. A button of a kind this module does not know is still drawn by its own
template. The mixin also builds each row's URLs from one reversed URL per name (`row_url`), asks
each permission once per page, and keeps its row count and header a while (core.admin_listing_kept).
"""

from urllib.parse import quote as url_quote

from django.contrib.admin.utils import quote
from django.templatetags.l10n import unlocalize
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.formats import localize
from django.utils.functional import cached_property
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime
from django.utils.translation import gettext
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, Table, TitleColumn
from wagtail.admin.views import generic

from core.admin_listing_kept import KeptCountPaginator, KeptHeaderMixin, listing_count_key
from core.admin_markup import attrs_html, button_html, class_attr, esc, safe_join


def _cell_value(column: Column, instance):
    """What Wagtail's `Column` shows: numbers unlocalised, blanks as the column's empty text, and
    the rest as `{{ value }}` shows it (dates and times in the local time zone and format)."""
    value = column.get_value(instance)
    if isinstance(value, int) and not isinstance(value, bool):
        value = unlocalize(value)
    if not str(value).strip():
        return column.empty_value_display
    return localize(template_localtime(value))


def _sorting_link(column: Column, context: dict, ordering: str, title, classname: str) -> str:
    """A header's link that sorts the listing by `ordering`, on the first page, keeping the rest
    of the address's query (Wagtail's `{% querystring p=None ordering=… %}`)."""
    query = context["request"].GET.copy()
    query.pop("p", None)
    query["ordering"] = ordering
    title = f' title="{esc(title)}"' if title else ""
    href = f"{context['table'].base_url}?{query.urlencode()}"
    return f'<a href="{esc(href)}"{title} class="{classname}">{esc(column.label)}</a>'


def header_html(column: Column, parent_context) -> str:
    """A column's header as `tables/column_header.html` draws it: its label, a link that sorts by it
    when it can (the other way when the listing is sorted by it already); a column with a header
    template of its own is drawn by that template."""
    if column.header_template_name != Column.header_template_name:
        return Column.render_header_html(column, parent_context)
    context = column.get_header_context_data(parent_context)
    sort_key, ascending, descending = column.sort_key, context["ascending_title_text"], context["descending_title_text"]
    link = None
    if context["is_ascending"]:
        link = (f"-{sort_key}", descending, "icon icon-arrow-up-after teal label")
    elif context["is_descending"]:
        link = (sort_key, ascending, "icon icon-arrow-down-after teal label")
    elif context["is_orderable"]:
        link = (sort_key, ascending, "icon icon-arrow-down-after label")
    label = _sorting_link(column, context, *link) if link else esc(column.label)
    return SafeString(f"<th{class_attr(column.classname)}>{label}</th>")


class QuickColumn(Column):
    """A `Column` whose cell is `<td>value</td>`, as `tables/cell.html` draws it, and whose header is
    drawn in Python too (`header_html`)."""

    render_header_html = header_html

    def render_cell_html(self, instance, parent_context):
        value = _cell_value(self, instance)
        return SafeString(f"<td{class_attr(self.classname)}>{'' if value is None else esc(value)}</td>")


class QuickTitleColumn(TitleColumn):
    """A `TitleColumn` (a link to the row, then its buttons), as `tables/title_cell.html` draws it."""

    render_header_html = header_html

    def get_buttons(self, instance, parent_context):
        return []

    def render_cell_html(self, instance, parent_context):
        title = esc(_cell_value(self, instance))
        if title_id := self.get_title_id(instance, parent_context):
            title = f'<span id="{esc(title_id)}">{title}</span>'
        if url := self.get_link_url(instance, parent_context):
            attrs = {**self.get_link_attrs(instance, parent_context), "href": url}
            if self.link_classname is not None:
                attrs["class"] = self.link_classname
            title = f"<a{attrs_html(attrs)}>{title}</a>"
        elif label_id := self.get_label_id(instance, parent_context):
            title = f'<label for="{esc(label_id)}">{title}</label>'
        buttons = [button for button in sorted(self.get_buttons(instance, parent_context)) if button.show]
        actions = "".join(f"<li>{button_html(button, parent_context)}</li>" for button in buttons)
        if actions:
            actions = f'<ul class="actions">{actions}</ul>'
        return SafeString(
            f'<td{class_attr(self.classname, "title")}><div class="title-wrapper">{title}</div>{actions}</td>'
        )


class QuickBulkActionsCheckboxColumn(BulkActionsCheckboxColumn):
    """The bulk actions checkbox, as `bulk_actions/listing_checkbox_cell.html` draws it (not for pages,
    whose checkbox also carries the page's status: theirs is drawn by the template)."""

    def render_cell_html(self, instance, parent_context):
        if self.obj_type == "page":
            return super().render_cell_html(instance, parent_context)
        return SafeString(
            '<td class="bulk-action-checkbox-cell">'
            f'<input type="checkbox" data-object-id="{esc(quote(unlocalize(instance.pk)))}"'
            ' data-bulk-action-checkbox class="bulk-action-checkbox"'
            f' aria-label="{esc(gettext("Select"))}"'
            f' aria-describedby="{esc(self.get_aria_describedby(instance))}" /></td>'
        )


def _width_attr(width) -> str:
    return f' width="{esc(width)}"' if width else ""


class QuickTable(Table):
    """A `Table` drawn as `tables/table.html` draws it: its rows, cells and the quick columns'
    headers without a template each."""

    def render_html(self, parent_context=None):
        if self.template_name != Table.template_name:
            return super().render_html(parent_context)
        context = self.get_context_data(parent_context)
        columns = list(self.columns.values())
        caption = self.get_caption()
        caption = f'<caption class="w-sr-only">{esc(caption)}</caption>' if caption else ""
        widths = ""
        if self.has_column_widths():
            widths = "".join(f"<col{_width_attr(column.width)} />" for column in columns)
        headers = safe_join(column.header.render_html(context) for column in columns)
        rows = "".join(self._row_html(row, context, columns) for row in self.rows)
        return SafeString(
            f"<table{attrs_html(self.attrs)}>{caption}{widths}<thead><tr{class_attr(self.header_row_classname)}>"
            f"{headers}</tr></thead><tbody>{rows}</tbody></table>"
        )

    def _row_html(self, row, context, columns) -> str:
        row_context = {**context, "row": row}
        cells = safe_join(column.render_cell_html(row.instance, row_context) for column in columns)
        return f"<tr{attrs_html(row.attrs)}>{cells}</tr>"


# Two keys no row has: a URL is cut around the first, and checked to be cut the same around the second.
_STAND_INS = ("402712345678", "503898765432")
_around_pk: dict[tuple, tuple[str, str] | None] = {}


def _cut_around_pk(url_name: str) -> tuple[str, str] | None:
    try:
        before, _, after = reverse(url_name, args=(_STAND_INS[0],)).partition(_STAND_INS[0])
        if reverse(url_name, args=(_STAND_INS[1],)) == before + _STAND_INS[1] + after:
            return before, after
    except NoReverseMatch:
        pass
    return None


def row_url(url_name: str, instance) -> str:
    """`reverse(url_name, args=(quote(instance.pk),))`, reversed once per URL name rather than once
    per row: the URL is cut around a stand-in key and the row's key put in its place. A URL that
    cannot be cut so (its key is a UUID, say) is reversed for each row."""
    key = (url_name, get_script_prefix(), get_urlconf())
    if key not in _around_pk:
        if len(_around_pk) > 1000:
            _around_pk.clear()
        _around_pk[key] = _cut_around_pk(url_name)
    around = _around_pk[key]
    pk = quote(instance.pk)
    if around is None:
        return reverse(url_name, args=(pk,))
    return around[0] + url_quote(str(pk), safe="!$&'()*+,;=/~:@") + around[1]


#: A row's "More options" menu as Wagtail's index view makes it: the URL, label, icon and order of each item.
_MORE_BUTTONS = (
    ("get_edit_url", "Edit", "edit", 10),
    ("get_copy_url", "Copy", "copy", 20),
    ("get_inspect_url", "Inspect", "info-circle", 20),
    ("get_delete_url", "Delete", "bin", 30),
)


class QuickListingMixin(KeptHeaderMixin):
    """For a Wagtail index view: its table, its bulk actions checkboxes and its columns from
    `list_display` names are drawn in Python.

    Columns given as objects in `list_display` are left as they are; give them as `QuickColumn`
    to draw them in Python too. Its page links are drawn in Python too (core.admin_pagination), and
    its row count and header are kept a while (core.admin_listing_kept)."""

    paginator_class = KeptCountPaginator
    results_template_name = "core/admin/quick_index_results.html"

    def get_paginator(self, *args, **kwargs):
        return super().get_paginator(*args, count_key=listing_count_key(self), **kwargs)

    @cached_property
    def _permission_answers(self) -> dict:
        return {}

    def user_has_permission(self, permission):
        """Asked again for every row's buttons; the answer is the same for the whole page."""
        if permission not in self._permission_answers:
            self._permission_answers[permission] = super().user_has_permission(permission)
        return self._permission_answers[permission]

    def user_has_any_permission(self, permissions):
        """As `user_has_permission`: asked for every row's inspect link, the same for the whole page."""
        key = frozenset(permissions)
        if key not in self._permission_answers:
            self._permission_answers[key] = super().user_has_any_permission(permissions)
        return self._permission_answers[key]

    @cached_property
    def _more_button_labels(self) -> dict:
        return {label: gettext(label) for _, label, _, _ in _MORE_BUTTONS}

    def get_list_more_buttons(self, instance):
        """Wagtail's Edit, Copy, Inspect and Delete, each when its URL is there, with their labels
        translated once per page rather than once per row."""
        labels = self._more_button_labels
        return [
            MenuItem(labels[label], url=url, icon_name=icon_name, priority=priority)
            for url_getter, label, icon_name, priority in _MORE_BUTTONS
            if (url := getattr(self, url_getter)(instance))
        ]

    def get_edit_url(self, instance):
        if self.edit_url_name and self.user_has_permission("change"):
            return row_url(self.edit_url_name, instance)

    def get_copy_url(self, instance):
        if self.copy_url_name and self.user_has_permission("add"):
            return row_url(self.copy_url_name, instance)

    def get_inspect_url(self, instance):
        if self.inspect_url_name and self.user_has_any_permission({"add", "change", "delete", "view"}):
            return row_url(self.inspect_url_name, instance)

    def get_delete_url(self, instance):
        if self.delete_url_name and self.user_has_permission("delete"):
            return row_url(self.delete_url_name, instance)

    @cached_property
    def table_class(self):
        table_class = super().table_class
        return QuickTable if table_class is Table else table_class

    @cached_property
    def columns(self):
        return [
            QuickBulkActionsCheckboxColumn(
                column.name, obj_type=column.obj_type, label=column.label, classname=column.classname
            )
            if type(column) is BulkActionsCheckboxColumn
            else column
            for column in super().columns
        ]

    def _get_title_column(self, field_name, column_class=QuickTitleColumn, **kwargs):
        return super()._get_title_column(field_name, column_class, **kwargs)

    def _get_custom_column(self, field_name, column_class=QuickColumn, **kwargs):
        return super()._get_custom_column(field_name, column_class, **kwargs)


class QuickIndexView(QuickListingMixin, generic.IndexView):
    """Wagtail's index view with the quick columns, for viewsets that need nothing else of it."""
