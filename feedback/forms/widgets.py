"""Widgets drawn in Python for forms that repeat a field once per person (the register, issue #8).

Django draws each radio button through four nested templates; on a day's register, with a radio
group and a note per person, that was most of the page's time. These widgets give the same markup
as Django's `RadioSelect` and `TextInput` without the template round trips.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe


class FlatRadioSelect(forms.RadioSelect):
    """`RadioSelect`'s markup for choices without groups: a `<div>` per button, its label around it.
    Every button repeats the group's attributes with its own id (`<id>_<index>`), and only the first
    button matching the value is checked, as in Django. What the buttons share is escaped once."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        group_id = attrs.pop("id", None)
        shared = format_html(' type="{}" name="{}"', self.input_type, name)
        inherited = flatatt(attrs)
        chosen, checked, buttons = self.format_value(value), False, []
        for index, (option_value, label) in enumerate(self.choices):
            option_value = "" if option_value is None else str(option_value)
            is_checked = not checked and option_value in chosen
            checked |= is_checked
            option_id = escape(self.id_for_label(group_id, index)) if group_id is not None else None
            for_label = f' for="{option_id}"' if option_id else ""
            id_attr = "" if option_id is None else f' id="{option_id}"'
            buttons.append(
                f'<div><label{for_label}><input{shared} value="{escape(option_value)}"{id_attr}{inherited}'
                f"{' checked' if is_checked else ''}> {conditional_escape(label)}</label></div>"
            )
        outer = {"id": group_id} if group_id else {}
        if attrs.get("class"):
            outer["class"] = attrs["class"]
        return format_html("<div{}>{}</div>", flatatt(outer), mark_safe("".join(buttons)))  # noqa: S308 - each part escaped above


class FlatTextInput(forms.TextInput):
    """`TextInput`'s markup: one `<input>` with the field's attributes."""

    def render(self, name, value, attrs=None, renderer=None):
        value = self.format_value(value)
        shown = {} if value is None else {"value": value}
        return format_html(
            '<input type="{}" name="{}"{}{}>',
            self.input_type,
            name,
            flatatt(shown),
            flatatt(self.build_attrs(self.attrs, attrs)),
        )
