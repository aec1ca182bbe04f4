"""Export and erasure of a person's data (DOMAIN.md §9)."""

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from core.models import Notification, User
from core.privacy import personal_data_registry
from core.privacy.services import person_erase, personal_data_export, personal_data_export_json
from core.roles import Role

OUR_APPS = ("core", "courses", "events", "trainers", "feedback")


def models_pointing_at_people():
    """Our models that point at a person, directly or through another such model (an answer that
    points at a registration that points at a participant is about that participant too)."""
    ours = [model for app_label in OUR_APPS for model in apps.get_app_config(app_label).get_models()]
    personal = {apps.get_model(settings.AUTH_USER_MODEL)}
    while True:
        # Relations a model declares itself (not Wagtail's Page.owner and the like, nor reverse ones).
        found = {
            model
            for model in ours
            if model not in personal
            and any(
                f.is_relation and f.concrete and f.related_model in personal
                for f in model._meta.get_fields(include_parents=False)
            )
        }
        if not found:
            return sorted(model._meta.label for model in personal)
        personal |= found


def test_every_model_holding_personal_data_is_covered_by_export_and_erasure():
    """Adding a model that points at a person without listing it in its AppConfig fails here."""
    registered = {entry.model for entry in personal_data_registry()}
    exempt = {}
    for app_label in OUR_APPS:
        exempt |= getattr(apps.get_app_config(app_label), "personal_data_exempt", {})

    missing = [label for label in models_pointing_at_people() if label not in registered and label not in exempt]

    assert not missing, f"List these in their app's AppConfig.personal_data (or personal_data_exempt): {missing}"


def test_every_registered_owner_lookup_reaches_a_person(make_user):
    person = make_user(Role.PARTICIPANT)

    for entry in personal_data_registry():
        assert entry.rows_of(person).count() == 0, entry.model


def test_the_export_holds_the_account_and_every_registered_section(make_user):
    person = make_user(Role.PARTICIPANT, email="sam@example.org")
    Notification.objects.create(recipient=person, message="m", key="1", subject="Your place", body_text="b")

    export = personal_data_export(person=person)

    assert export["Your account"][0]["email"] == "sam@example.org"
    assert export["Messages we sent you"][0]["subject"] == "Your place"
    assert {entry.label for entry in personal_data_registry()} <= set(export)
    assert json.loads(personal_data_export_json(person=person))["Your account"][0]["email"] == "sam@example.org"


def test_the_export_holds_nothing_about_anyone_else(make_user):
    person, other = make_user(Role.PARTICIPANT), make_user(Role.PARTICIPANT, email="other@example.org")
    Notification.objects.create(recipient=other, message="m", key="1", subject="Their place", body_text="b")

    assert "other@example.org" not in personal_data_export_json(person=person)
    assert "Their place" not in personal_data_export_json(person=person)


def test_erasure_anonymises_the_person_and_records_why(make_user):
    admin = make_user(Role.PROGRAMME_ADMIN, mfa=True)
    person = make_user(Role.PARTICIPANT, mfa=True, email="sam@example.org")
    Notification.objects.create(recipient=person, message="m", key="1", subject="Your place", body_text="b")

    person_erase(person=person, actor=admin, reason="Asked by email on 1 March")

    person = User.objects.get(pk=person.pk)
    assert person.email.endswith("@erased.invalid")
    assert person.get_full_name() == ""
    assert not person.is_active
    assert not person.has_usable_password()
    assert not person.groups.exists()
    assert not EmailAddress.objects.filter(user=person).exists()
    assert not Authenticator.objects.filter(user=person).exists()
    assert not Notification.objects.filter(recipient=person).exists()
    entry = ModelLogEntry.objects.get(action="core.person.erase", object_id=str(person.pk))
    assert entry.user == admin
    assert entry.data == {"reason": "Asked by email on 1 March"}
    assert "sam@example.org" not in personal_data_export_json(person=person)


@pytest.mark.parametrize(("reason", "code"), [("  ", "reason_required")])
def test_erasure_needs_a_reason_and_changes_nothing_without_one(make_user, reason, code):
    admin, person = make_user(Role.PROGRAMME_ADMIN), make_user(Role.PARTICIPANT, email="sam@example.org")

    with pytest.raises(ValidationError) as error:
        person_erase(person=person, actor=admin, reason=reason)

    assert error.value.code == code
    assert User.objects.get(pk=person.pk).email == "sam@example.org"


def test_nobody_erases_themselves(make_user):
    admin = make_user(Role.PROGRAMME_ADMIN)

    with pytest.raises(ValidationError) as error:
        person_erase(person=admin, actor=admin, reason="testing")

    assert error.value.code == "own_erasure"
    assert User.objects.get(pk=admin.pk).is_active


def test_erasure_takes_the_name_out_of_text_that_mentions_the_person(make_user):
    """Audit labels, what log entries recorded and messages to other people keep their sense, not the
    name or address (issue #19 point 3). HTML and JSON write the name their own way."""
    admin, facilitator = make_user(Role.PROGRAMME_ADMIN, mfa=True), make_user(Role.REGIONAL_FACILITATOR)
    person = make_user(Role.PARTICIPANT, email="zoe@example.org")
    person.first_name, person.last_name = "Zoë", "O'Brien"
    person.save()
    log(instance=person, action="wagtail.edit", user=admin, data={"about": "Zoë O'Brien", "email": "zoe@example.org"})
    Notification.objects.create(
        recipient=facilitator,
        message="m",
        key="1",
        subject="Zoë O'Brien sent you their feedback",
        body_text="Zoë O'Brien (zoe@example.org) wrote to you.",
        body_html="<p>Zoë O&#x27;Brien wrote to you.</p>",
        attachments=[["note.txt", "From Zoë O'Brien", "text/plain"]],
    )
    unrelated = Notification.objects.create(
        recipient=facilitator, message="m", key="2", subject="Sam sent", body_text="b"
    )

    person_erase(person=person, actor=admin, reason="Asked by email")

    stored = [
        *ModelLogEntry.objects.values_list("label", "data"),
        *Notification.objects.values_list("subject", "body_text", "body_html", "attachments"),
    ]
    assert "O'Brien" not in str(stored) and "O&#x27;Brien" not in str(stored) and "zoe@example.org" not in str(stored)
    told = Notification.objects.get(recipient=facilitator, key="1")
    assert told.subject == "a person whose data was erased sent you their feedback"
    assert told.body_html == "<p>a person whose data was erased wrote to you.</p>"
    assert told.attachments == [["note.txt", "From a person whose data was erased", "text/plain"]]
    assert ModelLogEntry.objects.get(action="wagtail.edit").data["about"] == "a person whose data was erased"
    assert Notification.objects.get(pk=unrelated.pk).subject == "Sam sent"
