"""The programme's roles (DOMAIN.md §2), held as Django groups with permissions."""

from django.db import models


class Role(models.TextChoices):
    """Ordered from most to least senior: a person's first role decides their landing page."""

    PROGRAMME_ADMIN = "Programme admin", "Programme admin"
    REGIONAL_FACILITATOR = "Regional Facilitator", "Regional Facilitator"
    TRAINER = "Trainer", "Trainer"
    PARTICIPANT = "Participant", "Participant"

    @property
    def slug(self) -> str:
        return {
            Role.PROGRAMME_ADMIN: "programme",
            Role.REGIONAL_FACILITATOR: "facilitator",
            Role.TRAINER: "trainer",
            Role.PARTICIPANT: "participant",
        }[self]

    @classmethod
    def from_slug(cls, slug: str) -> "Role":
        for role in cls:
            if role.slug == slug:
                return role
        raise ValueError(slug)


#: Roles that work in the Wagtail admin: bootstrap grants them `wagtailadmin.access_admin`, and the
#: header shows them the Admin link. Apps add their own permissions through their AppConfig's
#: `role_permissions` (see core.bootstrap.roles).
ADMIN_ROLES = (Role.PROGRAMME_ADMIN, Role.REGIONAL_FACILITATOR)
