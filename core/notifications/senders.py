"""Who a message comes from, so that a reply reaches a person (issue #22 point 1).

Every email's From is the platform's `DEFAULT_FROM_EMAIL` (checked at start, `core.checks`); a
message about a cohort adds Reply-To and signs off with the person who looks after it.
"""

from dataclasses import dataclass

from core.models import User


@dataclass(frozen=True)
class Sender:
    """The sign-off at the end of a message, and where a reply goes (empty: no Reply-To)."""

    name: str
    role: str = ""
    email: str = ""
    phone: str = ""
    reply_to: str = ""


#: Messages that are not about a cohort sign off as the team, with no Reply-To.
TEAM = Sender(name="The Early Support training team")


def region_sender(region) -> Sender:
    """A region's messages: signed by its Regional Facilitator (the first by name when there are
    several), replies to the region's contact address when it has one, else to the facilitator."""
    facilitator = User.objects.facilitators_of(region.pk).order_by("last_name", "first_name", "pk").first()
    if facilitator is None:
        return Sender(
            name=f"The Early Support team, {region.name}",
            email=region.contact_email,
            reply_to=region.contact_email,
        )
    return Sender(
        name=facilitator.get_full_name() or facilitator.email,
        role=f"Regional Facilitator, {region.name}",
        email=region.contact_email or facilitator.email,
        phone=facilitator.phone,
        reply_to=region.contact_email or facilitator.email,
    )
