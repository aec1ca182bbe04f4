"""Widgets drawn in Python for forms that repeat a field once per person (the register, issue #8).

Django draws each radio button through four nested templates; on a day's register, with a radio
group and a note per person, that was most of the page's time. These widgets give the same markup
as Django's `RadioSelect` and `TextInput` without the template round trips.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class FlatRadioSelect(forms.RadioSelect):
    """`RadioSelect`'s markup for choices without groups: a `<div>` per button, its label around it."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        buttons = format_html_join(
            "",
            '<div><label{}><input type="{}" name="{}" value="{}"{}> {}</label></div>',
            (
                (
                    flatatt({"for": option["attrs"]["id"]} if "id" in option["attrs"] else {}),
                    option["type"],
                    option["name"],
                    option["value"],
                    flatatt(option["attrs"]),
                    option["label"],
                )
                for _, options, _ in widget["optgroups"]
                for option in options
            ),
        )
        outer = {key: widget["attrs"][key] for key in ("id", "class") if widget["attrs"].get(key)}
        return format_html("<div{}>{}</div>", flatatt(outer), buttons)


class FlatTextInput(forms.TextInput):
    """`TextInput`'s markup: one `<input>` with the field's attributes."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        shown = {} if widget["value"] is None else {"value": str(widget["value"])}
        return format_html(
            '<input type="{}" name="{}"{}{}>', widget["type"], name, flatatt(shown), flatatt(widget["attrs"])
        )
