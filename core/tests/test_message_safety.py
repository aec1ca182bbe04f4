"""Message templates see safe values only, through an engine without dangerous tags (issue #19 point 5)."""

import pytest
from django.core.exceptions import ValidationError

from core.models import MessageTemplate
from core.notifications import notify, register_message
from core.notifications.editing import message_template_save
from core.notifications.engine import refused_tags
from core.notifications.safe import SafeRecord, safe_context
from core.roles import Role

SAFETY = register_message("core.tests.greeting", "Greeting used by the tests")
GOOD = {"subject": "Hello {{ recipient.first_name }}", "body_text": "We start on {{ start }}.", "body_html": ""}


@pytest.fixture
def admin(make_user):
    return make_user(Role.PROGRAMME_ADMIN, mfa=True)


@pytest.fixture
def sent_once(make_user):
    return notify(message=SAFETY.name, recipient=make_user(Role.PARTICIPANT), key="k", context={"start": "3 March"})


def test_a_person_reaches_a_template_as_their_safe_fields_only(make_user):
    person = make_user(Role.PARTICIPANT)

    recipient = safe_context({"recipient": person})["recipient"]

    assert isinstance(recipient, SafeRecord)
    assert set(recipient) == {"first_name", "last_name", "email"}
    assert str(recipient) == str(person)


@pytest.mark.parametrize("source", ["{{ recipient.password }}", "{{ recipient.groups.all }}", "{{ recipient.pk }}"])
def test_an_edit_naming_a_hidden_detail_is_refused(admin, sent_once, source):
    with pytest.raises(ValidationError) as refused:
        message_template_save(message_type=SAFETY, sources={**GOOD, "body_text": source}, actor=admin)

    assert "not among the available variables" in refused.value.message_dict["body_text"][0]
    assert not MessageTemplate.objects.exists()


@pytest.mark.parametrize(
    ("source", "tag"),
    [
        ("{% debug %}", "debug"),
        ("{% load static %}{% static 'x' %}", "load"),
        ('{% include "base.html" %}', "include"),
        ('{% extends "base.html" %}', "extends"),
        ("{% ssi '/etc/passwd' %}", "ssi"),
        ("{% autoescape off %}{{ start }}{% endautoescape %}", "autoescape"),
        ("{% csrf_token %}", "csrf_token"),
    ],
)
def test_a_dangerous_tag_is_refused_at_save_with_a_clear_reason(admin, sent_once, source, tag):
    with pytest.raises(ValidationError) as refused:
        message_template_save(message_type=SAFETY, sources={**GOOD, "body_text": source}, actor=admin)

    assert f"Messages cannot use {{% {tag} %}}" in refused.value.message_dict["body_text"][0]
    assert not MessageTemplate.objects.exists()


def test_the_filters_that_would_turn_escaping_off_do_not_exist(admin, sent_once):
    with pytest.raises(ValidationError) as refused:
        message_template_save(
            message_type=SAFETY, sources={**GOOD, "body_html": "<p>{{ start|safe }}</p>"}, actor=admin
        )

    assert "mistake" in refused.value.message_dict["body_html"][0]


def test_a_stored_edit_with_a_dangerous_tag_is_not_run_when_sending(make_user, sent_once):
    """An edit saved before the tags were restricted: the shipped words go out instead."""
    MessageTemplate.objects.create(message=SAFETY.name, subject="Hi", body_text="{% debug %}{{ recipient.password }}")
    person = make_user(Role.PARTICIPANT)

    notification = notify(message=SAFETY.name, recipient=person, key="other", context={"start": "9 May"})

    assert notification.subject == "Hello Test"
    assert "9 May" in notification.body_text
    assert person.password not in notification.body_text
    assert "sql_queries" not in notification.body_text


def test_the_allowed_tags_are_not_reported():
    source = "{% if a %}x{% elif b %}y{% else %}z{% endif %}{% for i in l %}{% empty %}{% endfor %}{% now 'Y' %}"

    assert refused_tags(source) == []
    assert refused_tags("{% debug %}{% load x %}{% debug %}") == ["debug", "load"]
