"""A Regional Facilitator writes to a group of a cohort's people from the cohort page (issue #22 point 2).

Each message goes through core.notifications: recorded once per person (writing the same words to
the same group again sends nothing new), sent and retried by the task worker, shown on the person's
Messages page, and for a reminder not sent to people who stopped optional reminders. The cohort's
history (Wagtail's log, `events.cohort.message`) records who wrote to which group and how many got it;
each person's own history is their messages (`core.Notification`).
"""

import hashlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from wagtail.log_actions import log

from core.models import User
from core.notifications import notify
from core.notifications.links import absolute_url
from core.notifications.registry import get_message_type
from core.notifications.rendering import Rendered, render_message
from events import messages
from events.models import Cohort, Registration
from events.models.choices import FAMILY_SIDE, ApplyingAs
from events.services.messaging import cohort_sender

#: The longest subject a message can have (the `Notification.subject` column).
SUBJECT_MAX_LENGTH = 200


class Audience(models.TextChoices):
    CONFIRMED = "confirmed", "Everyone with a confirmed place"
    PARENT_CARERS = "parent_carers", "Parent carers with a confirmed place"
    FAMILY_SIDE = "family_side", "Parent carers, young people and family members with a confirmed place"
    WAITING = "waiting", "Everyone on the waiting list"
    TRAINERS = "trainers", "The cohort's trainers"


def audience_people(cohort: Cohort, audience: str) -> models.QuerySet[User]:
    """The active accounts in `audience`, each once, in name order."""
    if audience == Audience.TRAINERS:
        chosen = Q(delivery_assignments__cohort=cohort)
    else:
        on_cohort = Q(cohort=cohort) | Q(day1_cohort=cohort)
        status = Registration.Status.WAITING if audience == Audience.WAITING else Registration.Status.CONFIRMED
        registrations = Registration.objects.filter(on_cohort, status=status)
        if audience == Audience.PARENT_CARERS:
            registrations = registrations.filter(applying_as__in=[ApplyingAs.PARENT_CARER, ApplyingAs.BOTH])
        elif audience == Audience.FAMILY_SIDE:
            registrations = registrations.filter(applying_as__in=FAMILY_SIDE)
        elif audience not in (Audience.CONFIRMED, Audience.WAITING):
            raise ValidationError("Choose who the message is for.", code="no_such_audience")
        chosen = Q(pk__in=registrations.values("person_id"))
    return User.objects.filter(chosen, is_active=True).distinct().order_by("last_name", "first_name", "pk")


@dataclass(frozen=True)
class CohortMessage:
    cohort: Cohort
    audience: str
    subject: str
    text: str
    optional: bool = False

    @property
    def message(self) -> str:
        return messages.COHORT_REMINDER if self.optional else messages.COHORT_MESSAGE

    @property
    def key(self) -> str:
        """The same words to the same group are one message: sending them twice sends nothing new."""
        words = "\n".join([self.audience, self.subject, self.text, str(self.optional)])
        return f"cohort-{self.cohort.pk}-{hashlib.sha256(words.encode()).hexdigest()[:24]}"

    def context(self) -> dict:
        return {
            "cohort": self.cohort,
            "subject": self.subject,
            "text": self.text,
            "my_courses_url": absolute_url(reverse("events:my_registrations")),
            "preferences_url": absolute_url(reverse("preferences")),
        }

    def check(self) -> None:
        errors = {}
        if not self.subject.strip():
            errors["subject"] = ValidationError("Write a subject.", code="subject_required")
        elif len(self.subject) > SUBJECT_MAX_LENGTH:
            errors["subject"] = ValidationError(
                f"Write a subject of {SUBJECT_MAX_LENGTH} characters or fewer.", code="subject_too_long"
            )
        if not self.text.strip():
            errors["text"] = ValidationError("Write the message.", code="text_required")
        if self.audience not in Audience.values:
            errors["audience"] = ValidationError("Choose who the message is for.", code="no_such_audience")
        if errors:
            raise ValidationError(errors)


def cohort_message_preview(*, draft: CohortMessage, reader: User) -> tuple[Rendered, int]:
    """The message as the group's first person would get it (greeted by their name, not the
    facilitator's), or as `reader` while the group is empty, and how many it goes to."""
    draft.check()
    people = audience_people(draft.cohort, draft.audience)
    rendered = render_message(
        get_message_type(draft.message),
        {**draft.context(), "recipient": people.first() or reader, "sender": cohort_sender(draft.cohort)},
    )
    return rendered, people.count()


@transaction.atomic
def cohort_message_send(*, draft: CohortMessage, actor: User) -> int:
    """Record the message for everyone in the group and send it after commit; returns how many
    were newly recorded (people who already had these words are not written to again)."""
    draft.check()
    people = list(audience_people(draft.cohort, draft.audience))
    if not people:
        raise ValidationError("Nobody is in this group yet.", code="no_recipients")
    sender = cohort_sender(draft.cohort)
    recorded = [
        notify(message=draft.message, recipient=person, key=draft.key, context=draft.context(), sender=sender)
        for person in people
    ]
    sent = sum(notification is not None for notification in recorded)
    log(
        instance=draft.cohort,
        action="events.cohort.message",
        user=actor,
        data={"audience": draft.audience, "subject": draft.subject, "recipients": sent, "optional": draft.optional},
    )
    return sent
