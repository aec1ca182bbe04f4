"""Keeping a parent carer's or young person's preparation record (DOMAIN.md §5, 000:L556–562, L2286–2294)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log

from core.models import User
from events.models import Preparation, Registration
from events.selectors.sessions import sessions_for_registration


@transaction.atomic
def preparation_update(*, registration: Registration, data: dict, actor: User | None) -> Preparation:
    """Create or update the record. The audit entry names the fields changed, never their contents,
    which can describe a family's circumstances (DOMAIN.md §9)."""
    if not registration.needs_preparation:
        raise ValidationError(
            "Only parent carers, young people and family members have a preparation record.", code="not_family_side"
        )
    if registration.status == Registration.Status.CANCELLED:
        raise ValidationError("This registration is cancelled.", code="registration_cancelled")
    planned = data.get("planned_session")
    if planned is not None and planned not in sessions_for_registration(registration):
        raise ValidationError("Choose one of this person's days.", code="session_not_on_cohort")
    preparation = Preparation.objects.filter(registration=registration).first() or Preparation(
        registration=registration
    )
    changed = [
        name for name in Preparation.EDITABLE_FIELDS if name in data and getattr(preparation, name) != data[name]
    ]
    for name in changed:
        setattr(preparation, name, data[name])
    preparation.updated_by = actor
    preparation.full_clean()
    preparation.save()
    log(instance=registration, action="events.preparation.update", user=actor, data={"fields": changed})
    return preparation
