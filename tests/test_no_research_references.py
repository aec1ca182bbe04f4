"""Research line references (`000:L2690`) and references to the project's own documents
(`DOMAIN.md §5`) belong in code and docs, never on a screen (issue #23.5).

Reads every template's text (template comments left out), every model field's label and help text,
and every front-end form's labels and help texts."""

import ast
import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.utils.encoding import force_str

from core.forms import SiteFormMixin
from courses.models import SeedSourced
from events.forms.public import ComingAsForm, RegistrationForm
from events.models.choices import ApplyingAs

REFERENCE = re.compile(r"\b\d{3}:L\d+|\b(?:DOMAIN|CONVENTIONS|JOURNEYS)\.md\b")
TEMPLATE_COMMENT = re.compile(r"{#.*?#}|{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.DOTALL)
OUR_APPS = ("core", "courses", "events", "trainers", "feedback", "oversight")
#: Where editors record the source of a piece of content: a reference is its very value.
SOURCE_FIELDS = {"seed_reference"}
FORM_MODULES = [
    "core.forms",
    "core.account_forms",
    "events.forms.public",
    "feedback.forms.participant",
    "feedback.forms.team",
    "trainers.forms.public",
    "oversight.views",
]


def screen_text_of_templates():
    for path in sorted(Path(settings.BASE_DIR, "templates").rglob("*.*")):
        if path.suffix in (".html", ".txt"):
            yield str(path.relative_to(settings.BASE_DIR)), TEMPLATE_COMMENT.sub("", path.read_text())


def test_no_template_shows_a_research_reference():
    found = [name for name, text in screen_text_of_templates() if REFERENCE.search(text)]

    assert found == []


def test_the_check_finds_a_reference_outside_a_comment():
    assert REFERENCE.search(TEMPLATE_COMMENT.sub("", "<p>Shown (000:L2690)</p>{# 000:L1 #}"))
    assert REFERENCE.search(TEMPLATE_COMMENT.sub("", "<p>Shown (DOMAIN.md §4)</p>"))
    assert not REFERENCE.search(TEMPLATE_COMMENT.sub("", "<p>Shown</p>{# DOMAIN.md §4 #}"))
    assert not REFERENCE.search(TEMPLATE_COMMENT.sub("", "<p>Shown</p>{# 000:L2690 #}"))


def test_no_model_field_label_or_help_text_shows_a_research_reference():
    found = [
        f"{model.__name__}.{field.name}"
        for app in OUR_APPS
        for model in apps.get_app_config(app).get_models()
        for field in model._meta.get_fields()
        if field.name not in SOURCE_FIELDS and hasattr(field, "help_text")
        if REFERENCE.search(f"{force_str(field.verbose_name)} {force_str(field.help_text)}")
    ]

    assert found == []


def all_subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from all_subclasses(subclass)


@pytest.mark.django_db
def test_no_front_end_form_shows_a_research_reference():
    for module in FORM_MODULES:
        importlib.import_module(module)
    forms = [
        (form_class.__name__, form_class.base_fields)
        for form_class in all_subclasses(SiteFormMixin)
        if hasattr(form_class, "base_fields")  # a mixin of the pattern, not a form
    ]
    forms += [(f"RegistrationForm({who})", RegistrationForm(applying_as=who).fields) for who in ApplyingAs.values]
    forms.append(("ComingAsForm", ComingAsForm().fields))

    found = [
        f"{name}.{field_name}"
        for name, fields in forms
        for field_name, field in fields.items()
        if REFERENCE.search(f"{force_str(field.label or '')} {force_str(field.help_text)}")
    ]

    assert len(forms) > 20 and found == []


def strings_in_code():
    """Every string in the apps' code that is not a docstring: messages, errors, labels, descriptions.
    Commands' help (read in a terminal by operators), migrations, tests and the seed data (whose
    `seed_reference` holds references by design) are left out."""
    for app in OUR_APPS:
        for path in sorted(Path(settings.BASE_DIR, app).rglob("*.py")):
            parts = path.relative_to(settings.BASE_DIR).parts
            if {"tests", "migrations", "bootstrap", "management"} & set(parts):
                continue
            tree = ast.parse(path.read_text())
            docstrings = {
                id(node.body[0].value)
                for node in ast.walk(tree)
                if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                and node.body
                and isinstance(node.body[0], ast.Expr)
                and isinstance(node.body[0].value, ast.Constant)
            }
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                    yield f"{'/'.join(parts)}:{node.lineno}", node.value


def test_no_message_or_error_in_code_shows_a_research_reference():
    source_help = SeedSourced._meta.get_field("seed_reference").help_text  # tells editors the format
    found = [
        f"{where}: {text[:80]}" for where, text in strings_in_code() if REFERENCE.search(text) and text != source_help
    ]

    assert not found, "Research references in strings people may see:\n" + "\n".join(found)
