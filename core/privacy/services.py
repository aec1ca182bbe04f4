"""A person's right to a copy of their data and to erasure (DOMAIN.md §9)."""

import json
import uuid

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from wagtail.log_actions import log

from core.models import User
from core.privacy.mentions import mentions_erase
from core.privacy.registry import personal_data_registry

#: Erased accounts get an address on this reserved domain (RFC 2606), which is how they are recognised.
ERASED_EMAIL_DOMAIN = "erased.invalid"

USER_FIELDS = ["email", "first_name", "last_name", "date_joined", "last_login", "wants_optional_reminders"]


def personal_data_export(*, person: User) -> dict[str, list[dict]]:
    """Everything held about `person`, section by section, in plain field names."""
    export = {"Your account": [{name: getattr(person, name) for name in USER_FIELDS}]}
    for entry in personal_data_registry():
        fields = [
            f.attname for f in entry.model_class._meta.concrete_fields if f.attname not in entry.exclude_from_export
        ]
        export[entry.label] = list(entry.rows_of(person).values(*fields))
    return export


def personal_data_export_json(*, person: User) -> str:
    return json.dumps(personal_data_export(person=person), cls=DjangoJSONEncoder, indent=2)


@transaction.atomic
def person_erase(*, person: User, actor: User | None, reason: str) -> None:
    """Anonymise a person: their details go, the counts and other people's histories stay.

    `actor` is the programme admin processing a request, or None when the retention command erases
    (`core.privacy.retention`).

    Rows listed as `delete` are removed, `anonymise` rows lose the listed fields, `keep` rows stay
    tied to the anonymous account. The account itself keeps its id but no name, email, password,
    verified addresses or authenticators. Changing the password ends every session it had, and an
    inactive account can no longer sign in. Text in other people's records that names the person
    (audit labels, messages about them) keeps its sense without the name (`core.privacy.mentions`).
    """
    if not reason.strip():
        raise ValidationError("Say why this person's data is being erased.", code="reason_required")
    if actor is not None and person.pk == actor.pk:
        raise ValidationError("Another programme admin must process your own erasure.", code="own_erasure")
    for entry in personal_data_registry():
        rows = entry.rows_of(person)
        if entry.erase == "delete":
            rows.delete()
        elif entry.erase == "anonymise":
            rows.update(**entry.anonymise)
    mentions_erase(person=person)
    EmailAddress.objects.filter(user=person).delete()
    Authenticator.objects.filter(user=person).delete()
    person.email = f"erased-{uuid.uuid4().hex}@{ERASED_EMAIL_DOMAIN}"
    person.first_name = person.last_name = ""
    person.is_active = False
    person.set_unusable_password()
    person.save()
    person.groups.clear()
    person.regions.clear()
    log(instance=person, action="core.person.erase", user=actor, data={"reason": reason})
