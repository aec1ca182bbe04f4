"""The messages the trainer pathway sends, registered with core.notifications as `trainers.<what>`.

Each renders templates/email/trainers_<what>/{subject,body}.txt; `notify` records one
`core.Notification` per person and key and sends it once the transaction commits.
"""

from django.urls import reverse

from core.models import User
from core.notifications import notify, register_message, register_safe_fields
from core.notifications.senders import TEAM
from events.services.messaging import absolute_url, cohort_sender

APPLICATION_RECEIVED = "trainers.application_received"
APPLICATION_DECIDED = "trainers.application_decided"
T4T_BOOKED = "trainers.t4t_booked"
TEAM_ASSIGNED = "trainers.team_assigned"
SIGNED_OFF = "trainers.signed_off"
STANDING_CHANGED = "trainers.pathway_changed"
TEAM_MEMBER_UNAVAILABLE = "trainers.team_member_unavailable"


def register() -> None:
    # What these messages' templates may show of each object (issue #19 point 5).
    register_safe_fields(
        "trainers.application", "status", "get_status_display", "for_lead", "development_needs", "decline_reasons"
    )
    register_safe_fields("trainers.deliveryassignment", "cohort", "get_role_display", "signed_off_by")
    register_message(APPLICATION_RECEIVED, "Application to become a trainer received")
    register_message(APPLICATION_DECIDED, "Outcome of an application to become a trainer")
    register_message(
        T4T_BOOKED,
        "Place at Training for Trainers, with the preparation to do",
        # 000:L2082–2093
        description="Prepare Day 1 Sections 5 and 6 as if to deliver them.",
    )
    register_message(TEAM_ASSIGNED, "Added to a cohort's team of trainers")
    register_message(SIGNED_OFF, "Shadowing or co-training signed off by a Lead Trainer")
    register_message(STANDING_CHANGED, "Accreditation given, suspended, reinstated or withdrawn")
    register_message(
        TEAM_MEMBER_UNAVAILABLE,
        "To Regional Facilitators: a trainer on a cohort's team was suspended or withdrawn",
        description="Sent for each cohort still to run that has the trainer on its team.",
    )


def send(message: str, *, recipient, key: str, **context) -> None:
    """Every message links back to the trainer's own pages; one about a cohort (`cohort` in its
    context) is answered by the cohort's region (issue #22 point 1)."""
    links = {
        "pathway_url": absolute_url(reverse("trainers:pathway")),
        "deliveries_url": absolute_url(reverse("trainers:deliveries")),
    }
    cohort = context.get("cohort")
    sender = cohort_sender(cohort) if cohort is not None else TEAM
    notify(message=message, recipient=recipient, key=key, context={**links, **context}, sender=sender)


def tell_facilitators(message: str, *, cohort, key: str, **context) -> None:
    """To each Regional Facilitator of the cohort's region, with the link to set its team."""
    team_url = absolute_url(reverse("cohort_teams:team", args=[cohort.pk]))
    for facilitator in User.objects.facilitators_of(cohort.region_id):
        notify(
            message=message, recipient=facilitator, key=key, context={"cohort": cohort, "team_url": team_url, **context}
        )
