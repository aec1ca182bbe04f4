"""Issuing certificates of attendance (issue #6 point 7), and taking them back.

Issued once per registration to someone who attended both days (`attended_every_day`): the register
issues them when the last day is recorded, and a participant can ask from their course page. The
code on it is checked on the public page (`feedback:certificate_check`). When the register is
corrected so that someone no longer attended every day, their certificate is taken back: its code
stops checking, the audit log keeps what it was, and they are told.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from wagtail.log_actions import log

from core.models import User
from core.notifications import notify
from events.models import Registration
from events.services.messaging import absolute_url, cohort_sender
from feedback import messages
from feedback.models import Certificate
from feedback.rules import current_feedback_rules
from feedback.selectors.certificates import attended_every_day


@transaction.atomic
def certificate_issue(*, registration: Registration, actor: User | None) -> Certificate:
    """The registration's certificate, issued now if it has none; refused until both days are attended."""
    existing = Certificate.objects.filter(registration=registration).first()
    if existing is not None:
        return existing
    if registration.status != Registration.Status.CONFIRMED:
        raise ValidationError("This place is not confirmed.", code="not_confirmed")
    if not attended_every_day(registration, current_feedback_rules()):
        raise ValidationError(
            "A certificate of attendance is for people who attended both days.", code="not_attended_both_days"
        )
    certificate = Certificate(registration=registration)
    certificate.full_clean()
    certificate.save()
    log(instance=certificate, action="feedback.certificate.issue", user=actor, data={"registration": registration.pk})
    notify(
        message=messages.CERTIFICATE_ISSUED,
        recipient=registration.person,
        key=f"registration-{registration.pk}",
        context={
            "certificate": certificate,
            "cohort": registration.cohort,
            "url": absolute_url(reverse("feedback:certificate", args=[registration.pk])),
            "check_url": absolute_url(reverse("feedback:certificate_check")),
        },
        sender=cohort_sender(registration.cohort),
    )
    return certificate


@transaction.atomic
def certificates_withdraw_unearned(*, registrations: list[Registration], actor: User | None) -> int:
    """Take back the certificates of `registrations` whose people no longer attended every day (after
    a correction to the register); returns how many. Certificates still earned stay as they are."""
    rules = current_feedback_rules()
    withdrawn, senders = 0, {}
    for certificate in Certificate.objects.filter(registration__in=registrations).select_related(
        "registration__person", "registration__cohort"
    ):
        registration = certificate.registration
        if attended_every_day(registration, rules):
            continue
        log(
            instance=certificate,
            action="feedback.certificate.withdraw",
            user=actor,
            data={"registration": registration.pk, "code": certificate.code},
        )
        notify(
            message=messages.CERTIFICATE_WITHDRAWN,
            recipient=registration.person,
            key=f"certificate-{certificate.code}",
            context={"certificate": certificate, "cohort": registration.cohort},
            sender=cohort_sender(registration.cohort, senders),
        )
        certificate.delete()
        withdrawn += 1
    return withdrawn
