"""Admin listing cells written out in Python instead of through templates (issue #8).

Wagtail draws every cell of a listing with a template, and every row's "More options" menu with
five more (the menu, its toggle, each link, each icon): about 150 template renders for a page of
20 rows, which was half the time of the platform's admin listings. `QuickListingMixin` gives an
index view columns that write the same markup directly: the same classes, the same `w-dropdown`
menu, the same icons and labels, so Wagtail's styles and scripts treat it as theirs. A button of a
kind this module does not know is still drawn by its own template.
"""

from django.templatetags.l10n import unlocalize
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join
from django.utils.timezone import template_localtime
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import Button, ButtonWithDropdown


def icon(name: str, classname: str = "icon"):
    """Wagtail's `{% icon %}`: an `<svg>` using the admin's icon sprite."""
    return format_html(
        '<svg class="icon icon-{} {}" aria-hidden="true"><use href="#icon-{}"></use></svg>', name, classname, name
    )


def _link(button: Button):
    """A `Button` as Wagtail's `shared/button.html` draws it."""
    return format_html(
        '<a href="{}" class="{}"{}>{}{}</a>',
        button.url,
        button.classname,
        button.base_attrs_string,
        icon(button.icon_name) if button.icon_name else "",
        button.label,
    )


def _menu(dropdown: ButtonWithDropdown, parent_context):
    """A `ButtonWithDropdown` as Wagtail's `shared/dropdown/dropdown.html` draws it."""
    toggle_classes = " ".join(
        filter(None, ["w-dropdown__toggle", "" if dropdown.label else "w-dropdown__toggle--icon", dropdown.classname])
    )
    aria_label = format_html(' aria-label="{}"', dropdown.aria_label) if dropdown.aria_label else ""
    return format_html(
        '<div data-controller="w-dropdown" class="w-dropdown"{}>'
        '<button type="button" class="{}" data-w-dropdown-target="toggle"{}>{}{}</button>'
        '<div data-w-dropdown-target="content" class="w-dropdown__content" hidden>{}</div>'
        "</div>",
        dropdown.base_attrs_string,
        toggle_classes,
        aria_label,
        dropdown.label,
        icon(dropdown.icon_name or "arrow-down", "w-dropdown__toggle-icon"),
        _buttons(sorted(dropdown.dropdown_buttons), parent_context, "{}"),
    )


def _button(button, parent_context):
    if type(button) is Button:
        return _link(button)
    if type(button) is ButtonWithDropdown and all(type(item) is Button for item in button.dropdown_buttons):
        return _menu(button, parent_context)
    return button.render_html(parent_context)


def _buttons(buttons, parent_context, each: str):
    return format_html_join("", each, ((_button(button, parent_context),) for button in buttons))


def _cell_value(column: Column, instance):
    """What Wagtail's `Column` shows: numbers unlocalised, blanks as the column's empty text, and
    the rest as `{{ value }}` shows it (dates and times in the local time zone and format)."""
    value = column.get_value(instance)
    if isinstance(value, int) and not isinstance(value, bool):
        value = unlocalize(value)
    if not str(value).strip():
        return column.empty_value_display
    return localize(template_localtime(value))


def _attrs(attrs: dict):
    """HTML attributes in the order given, as Wagtail's `shared/attrs.html` writes them."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


def _class_attr(*classnames):
    classes = " ".join(filter(None, classnames))
    return format_html(' class="{}"', classes) if classes else ""


class QuickColumn(Column):
    """A `Column` whose cell is `<td>value</td>`, as `tables/cell.html` draws it."""

    def render_cell_html(self, instance, parent_context):
        value = _cell_value(self, instance)
        return format_html("<td{}>{}</td>", _class_attr(self.classname), "" if value is None else value)


class QuickTitleColumn(TitleColumn):
    """A `TitleColumn` (a link to the row, then its buttons), as `tables/title_cell.html` draws it."""

    def get_buttons(self, instance, parent_context):
        return []

    def render_cell_html(self, instance, parent_context):
        title = _cell_value(self, instance)
        if title_id := self.get_title_id(instance, parent_context):
            title = format_html('<span id="{}">{}</span>', title_id, title)
        if url := self.get_link_url(instance, parent_context):
            attrs = {**self.get_link_attrs(instance, parent_context), "href": url}
            if self.link_classname is not None:
                attrs["class"] = self.link_classname
            title = format_html("<a{}>{}</a>", _attrs(attrs), title)
        elif label_id := self.get_label_id(instance, parent_context):
            title = format_html('<label for="{}">{}</label>', label_id, title)
        buttons = [button for button in sorted(self.get_buttons(instance, parent_context)) if button.show]
        actions = (
            format_html('<ul class="actions">{}</ul>', _buttons(buttons, parent_context, "<li>{}</li>"))
            if buttons
            else ""
        )
        return format_html(
            '<td{}><div class="title-wrapper">{}</div>{}</td>',
            _class_attr(self.classname, "title"),
            title,
            actions,
        )


class QuickListingMixin:
    """For a Wagtail index view: its columns from `list_display` names are drawn in Python.

    Columns given as objects in `list_display` are left as they are; give them as `QuickColumn`
    to draw them in Python too."""

    def _get_title_column(self, field_name, column_class=QuickTitleColumn, **kwargs):
        return super()._get_title_column(field_name, column_class, **kwargs)

    def _get_custom_column(self, field_name, column_class=QuickColumn, **kwargs):
        return super()._get_custom_column(field_name, column_class, **kwargs)


class QuickIndexView(QuickListingMixin, generic.IndexView):
    """Wagtail's index view with the quick columns, for viewsets that need nothing else of it."""
