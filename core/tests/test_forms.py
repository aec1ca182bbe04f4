"""The one form pattern (issue #23.3): specific messages, "(optional)", "Choose…", the error
summary's links and the aria attributes, drawn by the site's renderer."""

from django import forms
from django.template import Context, Template

from core.forms import SiteFormMixin, error_summary, required_message


class Example(SiteFormMixin, forms.Form):
    name = forms.CharField(label="Your first name", help_text="As you would like us to call you.")
    heard = forms.ChoiceField(label="How you heard about the course", choices=[("a", "A"), ("b", "B")])
    kind = forms.ChoiceField(choices=[("", "---------"), ("x", "X")], widget=forms.RadioSelect)
    sectors = forms.MultipleChoiceField(label="Sectors", choices=[("h", "Health")], widget=forms.CheckboxSelectMultiple)
    nickname = forms.CharField(required=False)
    region = forms.ChoiceField(required=False, choices=[("", "---------"), ("n", "North")])
    agree = forms.BooleanField(label="I agree", required=False)
    age = forms.IntegerField(error_messages={"required": "Enter your age in years"})


def test_required_messages_name_the_question():
    form = Example({})

    assert form.errors["name"] == ["Enter your first name"]
    assert form.errors["heard"] == ["Choose how you heard about the course"]
    assert form.errors["kind"] == ["Choose kind"]
    assert form.errors["age"] == ["Enter your age in years"]  # a form's own message wins


def test_the_message_keeps_a_capital_i_and_says_tick_for_a_box():
    assert required_message("I am coming as", forms.RadioSelect()) == "Choose I am coming as"
    assert required_message("I agree", forms.CheckboxInput()) == "Tick the box to say: I agree"


def test_optional_fields_say_so_once_and_single_boxes_do_not():
    form = Example()

    assert form.fields["nickname"].label == "Nickname (optional)"
    assert form.fields["region"].label == "Region (optional)"
    assert form.fields["agree"].label == "I agree"
    form.apply_site_pattern()
    assert form.fields["nickname"].label == "Nickname (optional)"


def test_drop_downs_say_choose_and_radio_groups_have_no_blank_button():
    form = Example()

    assert form.fields["region"].choices[0] == ("", "Choose…")
    assert form.fields["kind"].choices == [("x", "X")]
    assert "---------" not in str(form)


def test_the_summary_links_each_error_to_its_input_or_a_groups_first_option():
    form = Example({"nickname": "Jo"})
    form.add_error(None, "Something is wrong with the whole form")

    targets = dict((message, target) for target, message in error_summary(form))

    assert targets["Enter your first name"] == "id_name"
    assert targets["Choose how you heard about the course"] == "id_heard"
    assert targets["Choose kind"] == "id_kind_0"
    assert targets["Choose sectors"] == "id_sectors_0"
    assert targets["Something is wrong with the whole form"] == ""


def test_the_field_shows_its_error_by_it_with_aria_invalid_and_describedby():
    html = str(Example({})["name"].as_field_group())

    assert 'id="id_name_error"' in html and "Enter your first name" in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_name_helptext id_name_error"' in html


def test_a_group_is_a_fieldset_described_by_its_error():
    html = str(Example({})["kind"].as_field_group())

    assert '<fieldset aria-describedby="id_kind_error">' in html and "<legend>Kind</legend>" in html
    assert 'aria-invalid="true"' in html


def test_the_error_summary_is_focused_on_load_and_links_to_fields():
    html = Template('{% include "includes/error_summary.html" %}').render(Context({"form": Example({})}))

    assert 'class="error-summary"' in html and 'tabindex="-1"' in html
    assert '<a href="#id_kind_0">Choose kind</a>' in html


def test_a_valid_form_has_no_summary():
    form = Example({"name": "Jo", "heard": "a", "kind": "x", "sectors": ["h"], "age": "40"})

    assert form.is_valid()
    assert Template('{% include "includes/error_summary.html" %}').render(Context({"form": form})).strip() == ""
