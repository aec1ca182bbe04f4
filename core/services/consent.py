"""Recording consent decisions; `has_consent` is the one place other apps ask (e.g. flipchart photos)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log

from core.models import ConsentDecision, ConsentPurpose, ConsentWording, User


def current_wording(purpose: ConsentPurpose) -> ConsentWording:
    wording = ConsentWording.objects.filter(purpose=purpose).order_by("-created_at", "-pk").first()
    if wording is None:
        raise ValidationError(f"No wording is set for {purpose.label}.", code="no_wording")
    return wording


@transaction.atomic
def consent_record(*, person: User, purpose: ConsentPurpose, given: bool) -> ConsentDecision | None:
    """Record a decision in today's wording; returns None when it changes nothing."""
    wording = current_wording(purpose)
    current = ConsentDecision.objects.current_for(person).get(purpose)
    if current is not None and current.given == given and current.wording_id == wording.pk:
        return None
    decision = ConsentDecision.objects.create(person=person, purpose=purpose, wording=wording, given=given)
    action = (
        "core.consent.give"
        if given
        else ("core.consent.withdraw" if current and current.given else "core.consent.refuse")
    )
    log(instance=person, action=action, user=person, data={"purpose": purpose.value, "wording": wording.pk})
    return decision


def has_consent(person: User, purpose: ConsentPurpose) -> bool:
    """True only when the person's latest decision for `purpose` is yes; no decision means no."""
    current = ConsentDecision.objects.current_for(person).get(purpose)
    return bool(current and current.given)


def people_with_consent(people, purpose: ConsentPurpose) -> set[int]:
    """Ids of those among `people` whose latest decision for `purpose` is yes, in one query."""
    latest: dict[int, bool] = {}
    for person_id, given in (
        ConsentDecision.objects.filter(person__in=people, purpose=purpose)
        .order_by("recorded_at", "pk")
        .values_list("person_id", "given")
    ):
        latest[person_id] = given
    return {person_id for person_id, given in latest.items() if given}
