"""Programme admins edit a message's templates (issue #7 point 2): used when present, checked, logged."""

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from wagtail.models import ModelLogEntry

from core.models import MessageTemplate
from core.notifications import message_types, notify, register_message
from core.notifications.editing import message_template_reset, message_template_save
from core.notifications.registry import get_message_type
from core.notifications.rendering import default_sources, html_from_text
from core.roles import Role

GREETING = register_message("core.tests.greeting", "Greeting used by the tests")
REMINDER = register_message("core.tests.reminder", "Optional reminder used by the tests", optional=True)

EDITED = {
    "subject": "Welcome, {{ recipient.first_name }}",
    "body_text": "We start on {{ start }}. See you there.",
    "body_html": "<p>We start on <em>{{ start }}</em>.</p>",
}


@pytest.fixture
def admin(make_user):
    return make_user(Role.PROGRAMME_ADMIN, mfa=True)


@pytest.fixture
def sent_once(make_user):
    """One real greeting, whose context is the example edits are checked against."""
    return notify(message=GREETING.name, recipient=make_user(Role.PARTICIPANT), key="k", context={"start": "3 March"})


def test_an_edited_template_is_used_for_new_messages_with_its_html(make_user, admin, sent_once, run_tasks):
    message_template_save(message_type=GREETING, sources=EDITED, actor=admin)
    person = make_user(Role.PARTICIPANT)

    with transaction.atomic():
        notification = notify(message=GREETING.name, recipient=person, key="k", context={"start": "9 May"})
    run_tasks()

    assert notification.subject == f"Welcome, {person.first_name}"
    (email,) = [email for email in mail.outbox if email.to == [person.email]]
    assert email.body.startswith("We start on 9 May. See you there.\n")
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html"
    assert "<p>We start on <em>9 May</em>.</p>" in html
    entry = ModelLogEntry.objects.get(action="core.message_template.edit", object_id=GREETING.name)
    assert entry.user == admin


def test_without_an_edit_or_after_going_back_the_files_are_used(make_user, admin, sent_once):
    message_template_save(message_type=GREETING, sources=EDITED, actor=admin)
    message_template_reset(message_type=GREETING, actor=admin)

    notification = notify(message=GREETING.name, recipient=make_user(), key="k", context={"start": "9 May"})

    assert not MessageTemplate.objects.exists()
    assert notification.subject.startswith("Hello ")
    assert "<strong>9 May</strong>" in notification.body_html
    actions = ModelLogEntry.objects.filter(object_id=GREETING.name).values_list("action", "user")
    assert sorted(actions) == [("core.message_template.edit", admin.pk), ("core.message_template.reset", admin.pk)]


@pytest.mark.parametrize(
    ("part", "source", "says"),
    [
        ("body_text", "Starts {% if start %}soon", "mistake"),
        ("subject", "Hello {{ recipient|nosuchfilter }}", "mistake"),
        ("body_text", "Starts on {{ starts }}", "starts"),
        ("body_html", "<p>{{ recipient.frist_name }}</p>", "recipient.frist_name"),
        ("subject", "   ", "cannot be empty"),
    ],
)
def test_a_template_with_a_mistake_is_refused_and_nothing_changes(admin, sent_once, part, source, says):
    with pytest.raises(ValidationError) as refused:
        message_template_save(message_type=GREETING, sources={**EDITED, part: source}, actor=admin)

    assert says in " ".join(refused.value.message_dict[part])
    assert not MessageTemplate.objects.exists()
    assert not ModelLogEntry.objects.filter(object_id=GREETING.name).exists()


def test_a_message_without_an_html_template_gets_a_safe_html_body(make_user, run_tasks):
    person = make_user(Role.PARTICIPANT)

    with transaction.atomic():
        notify(message=REMINDER.name, recipient=person, key="k", context={"start": "<b>3 March</b>"})
    run_tasks()

    (html, mimetype) = mail.outbox[0].alternatives[0]
    assert mimetype == "text/html"
    assert "&lt;b&gt;3 March&lt;/b&gt;" in html
    assert html.startswith("<!DOCTYPE html>")
    assert "<p>Reminder" in html or "&lt;b&gt;" in html


def test_html_from_text_makes_paragraphs_and_links_and_escapes():
    html = html_from_text("Hello <you> & all\nsecond line\n\nSee https://example.org/a?b=1 now")

    assert html == (
        "<p>Hello &lt;you&gt; &amp; all<br>second line</p>\n\n"
        '<p>See <a href="https://example.org/a?b=1">https://example.org/a?b=1</a> now</p>'
    )


def test_programme_admins_edit_preview_and_save_on_the_screen(client, admin, sent_once):
    client.force_login(admin)
    url = reverse("core_message_template_edit", args=[GREETING.name])

    page = client.get(url).content.decode()
    preview = client.post(url, {**EDITED, "preview": ""})
    refused = client.post(url, {**EDITED, "body_text": "{{ nothing_here }}", "save": ""})
    saved = client.post(url, {**EDITED, "save": ""})

    assert "<code>start</code>" in page and "<code>recipient</code>" in page
    assert default_sources(GREETING)["body_text"] in page
    assert "We start on 3 March. See you there." in preview.content.decode()
    assert "nothing_here" in refused.content.decode()
    assert saved.status_code == 302
    assert MessageTemplate.objects.get().subject == EDITED["subject"]
    reset = client.post(url, {"reset": ""})
    assert reset.status_code == 302
    assert not MessageTemplate.objects.exists()


@pytest.mark.parametrize("name", [message_type.name for message_type in message_types()])
def test_every_message_never_sent_previews_with_sample_details(client, admin, name):
    """No message of any kind sent yet: each screen shows its default words filled in with sample
    values naming each detail (issue #22 point 4)."""
    client.force_login(admin)
    url = reverse("core_message_template_edit", args=[name])

    page = client.get(url)
    posted_preview = client.post(url, {**default_sources(get_message_type(name)), "preview": ""})

    for response in (page, posted_preview):
        content = response.content.decode()
        assert response.status_code == 200, name
        assert "Preview, with sample details" in content, name
        assert "The template could not be filled in" not in content, name
    assert re.search(r"\[[a-z_.]+\]", page.content.decode().split("sample details", 1)[1]), name


def test_a_sample_preview_names_each_detail_in_brackets(client, admin):
    client.force_login(admin)
    url = reverse("core_message_template_edit", args=[GREETING.name])

    preview = client.post(url, {**EDITED, "preview": ""}).content.decode()

    assert "Welcome, [recipient.first_name]" in preview
    assert "We start on [start]. See you there." in preview


@pytest.mark.parametrize("role", [Role.REGIONAL_FACILITATOR, Role.TRAINER, Role.PARTICIPANT])
def test_other_roles_cannot_see_or_change_the_messages(client, make_user, role):
    client.force_login(make_user(role, mfa=role is Role.REGIONAL_FACILITATOR))
    url = reverse("core_message_template_edit", args=[GREETING.name])

    assert client.get(reverse("core_message_templates")).status_code in (302, 403)
    assert client.post(url, {**EDITED, "save": ""}).status_code in (302, 403)
    assert not MessageTemplate.objects.exists()


def test_the_list_of_messages_takes_the_same_queries_however_many_are_edited(client, admin, sent_once):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(admin)
    client.get(reverse("core_message_templates"))  # the first page of a visit also builds the admin sidebar
    with CaptureQueriesContext(connection) as none_edited:
        assert client.get(reverse("core_message_templates")).status_code == 200
    message_template_save(message_type=GREETING, sources=EDITED, actor=admin)
    MessageTemplate.objects.create(message=REMINDER.name, subject="s", body_text="t")
    with CaptureQueriesContext(connection) as two_edited:
        content = client.get(reverse("core_message_templates")).content.decode()

    assert "Edited" in content
    assert len(two_edited) == len(none_edited)


def test_each_saved_version_keeps_its_words_in_the_history(client, admin, sent_once):
    message_template_save(message_type=GREETING, sources=EDITED, actor=admin)
    message_template_save(message_type=GREETING, sources={**EDITED, "subject": "Second {{ start }}"}, actor=admin)
    client.force_login(admin)

    versions = ModelLogEntry.objects.filter(action="core.message_template.edit").order_by("timestamp", "pk")
    page = client.get(reverse("core_message_template_edit", args=[GREETING.name])).content.decode()

    assert [entry.data["version"]["subject"] for entry in versions] == [EDITED["subject"], "Second {{ start }}"]
    assert page.count("The words of this version") == 2
