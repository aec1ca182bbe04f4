"""The register's widgets draw the same HTML as Django's, whatever the state of the field (issue #8)."""

import pytest
from django import forms
from django.test.html import parse_html

from feedback.forms.widgets import FlatRadioSelect, FlatTextInput

CHOICES = [("present", "Present"), ("late", "Arrived <late>"), ("absent", "Absent")]


def fields(widget_for_choice, widget_for_text, attrs=None):
    class Register(forms.Form):
        status = forms.ChoiceField(choices=CHOICES, widget=widget_for_choice(attrs=attrs), required=False)
        note = forms.CharField(max_length=300, widget=widget_for_text(attrs=attrs), required=True)

    return Register


@pytest.mark.parametrize(
    ("data", "initial"),
    [
        (None, {}),
        (None, {"status": "late", "note": 'Came at "10:15" & left <on time>'}),
        ({"status": "nonsense", "note": ""}, {}),  # errors: aria-invalid and the error's id
    ],
)
def test_flat_widgets_draw_what_django_draws(data, initial):
    django_form = fields(forms.RadioSelect, forms.TextInput)(data, initial=initial)
    flat_form = fields(FlatRadioSelect, FlatTextInput)(data, initial=initial)

    for name in ("status", "note"):
        assert parse_html(str(flat_form[name])) == parse_html(str(django_form[name]))


@pytest.mark.parametrize(("auto_id", "attrs"), [(False, None), ("field-%s", {"class": "wide", "data-row": '"1"'})])
def test_flat_widgets_draw_what_django_draws_without_ids_or_with_attributes(auto_id, attrs):
    initial = {"status": "absent", "note": "Rang"}
    django_form = fields(forms.RadioSelect, forms.TextInput, attrs)(auto_id=auto_id, initial=initial)
    flat_form = fields(FlatRadioSelect, FlatTextInput, attrs)(auto_id=auto_id, initial=initial)

    for name in ("status", "note"):
        assert parse_html(str(flat_form[name])) == parse_html(str(django_form[name]))
