"""Wagtail's admin markup written in Python, for the listings (core.admin_listing, issue #8).

Each function writes what one of Wagtail's small templates writes (an icon, a button, a "More
options" menu, a list of attributes), class for class. They are called for every row of a listing,
so they join strings and escape with `esc`, not `format_html`, whose checks for lazy text were a
third of a listing's drawing time.
"""

import html
from functools import lru_cache

from django.utils.safestring import SafeString
from wagtail.admin.widgets.button import Button, ButtonWithDropdown


def esc(value) -> str:
    """`conditional_escape(value)`: HTML that is safe already stays as it is; anything else is
    escaped as text (lazy translations are read in the current language)."""
    as_html = getattr(value, "__html__", None)
    return as_html() if as_html is not None else html.escape(str(value))


def safe_join(parts) -> SafeString:
    """The parts, each escaped unless it is safe HTML already, as one piece of HTML."""
    return SafeString("".join(esc(part) for part in parts))


@lru_cache(maxsize=256)
def icon(name: str, classname: str = "icon") -> SafeString:
    """Wagtail's `{% icon %}`: an `<svg>` using the admin's icon sprite."""
    name = esc(name)
    return SafeString(
        f'<svg class="icon icon-{name} {esc(classname)}" aria-hidden="true"><use href="#icon-{name}"></use></svg>'
    )


@lru_cache(maxsize=256)
def class_attr(*classnames) -> SafeString:
    """` class="…"` with the given classes, or nothing when there are none."""
    classes = " ".join(filter(None, classnames))
    return SafeString(f' class="{esc(classes)}"' if classes else "")


def attrs_html(attrs: dict) -> SafeString:
    """HTML attributes in the order given, as Wagtail's `shared/attrs.html` writes them."""
    return SafeString(
        "".join(
            f" {esc(name)}" if value is True else f' {esc(name)}="{esc(value)}"'
            for name, value in attrs.items()
            if value is not False
        )
    )


def flat_attrs(attrs: dict) -> str:
    """Django's `flatatt(attrs)`, which Wagtail's buttons write their attributes with: `key="value"`
    pairs by name, then the attributes that are simply there (True) by name; False and None left out."""
    pairs = sorted((name, value) for name, value in attrs.items() if value is not None and not isinstance(value, bool))
    present = sorted(name for name, value in attrs.items() if value is True)
    return "".join(f' {esc(name)}="{esc(value)}"' for name, value in pairs) + "".join(
        f" {esc(name)}" for name in present
    )


def _link(button: Button) -> str:
    """A `Button` as Wagtail's `shared/button.html` draws it."""
    button_icon = icon(button.icon_name) if button.icon_name else ""
    return (
        f'<a href="{esc(button.url)}" class="{esc(button.classname)}"{flat_attrs(button.attrs)}>'
        f"{button_icon}{esc(button.label)}</a>"
    )


def _menu(dropdown: ButtonWithDropdown, parent_context) -> str:
    """A `ButtonWithDropdown` as Wagtail's `shared/dropdown/dropdown.html` draws it."""
    toggle_classes = " ".join(
        filter(None, ["w-dropdown__toggle", "" if dropdown.label else "w-dropdown__toggle--icon", dropdown.classname])
    )
    aria_label = f' aria-label="{esc(dropdown.aria_label)}"' if dropdown.aria_label else ""
    wrapper_attrs = {name: value for name, value in dropdown.attrs.items() if name != "aria-label"}
    toggle_icon = icon(dropdown.icon_name or "arrow-down", "w-dropdown__toggle-icon")
    items = "".join(button_html(item, parent_context) for item in sorted(dropdown.dropdown_buttons))
    return (
        f'<div data-controller="w-dropdown" class="w-dropdown"{flat_attrs(wrapper_attrs)}>'
        f'<button type="button" class="{esc(toggle_classes)}" data-w-dropdown-target="toggle"{aria_label}>'
        f"{esc(dropdown.label)}{toggle_icon}</button>"
        f'<div data-w-dropdown-target="content" class="w-dropdown__content" hidden>{items}</div>'
        "</div>"
    )


def button_html(button, parent_context) -> str:
    """A button as Wagtail draws it: links and menus of links here, any other kind by its own
    rendering."""
    if type(button) is Button:
        return _link(button)
    if type(button) is ButtonWithDropdown and all(type(item) is Button for item in button.dropdown_buttons):
        return _menu(button, parent_context)
    return esc(button.render_html(parent_context))
