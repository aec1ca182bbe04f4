"""What every piece of programme content records about where it came from."""

from django.db import models


class SeedSourced(models.Model):
    """Programme content loaded from the research seeds keeps its reference; gaps are marked drafts.

    The seeds do not give every text (the Day 2 Working in Partnership sections, the readings), so
    bootstrap loads clearly marked placeholders instead of inventing programme content (DOMAIN.md §3).
    """

    seed_reference = models.CharField(
        max_length=200,
        blank=True,
        help_text="Where this comes from in the research documents, e.g. 000:L2371–2399.",
    )
    is_placeholder = models.BooleanField(
        "draft placeholder",
        default=False,
        help_text="Ticked when the text still has to be written by the central team. "
        "Pages show it as a draft until you untick it.",
    )

    class Meta:
        abstract = True


#: Content the central team has written: drafts are kept for editors but never shown as content
#: (issue #23 point 5: "show what exists and say plainly that more is coming").
WRITTEN = models.Q(is_placeholder=False)


class Flexibility(models.TextChoices):
    """Trainers keep the sequence but adapt to the group; T4T must say which is which (000:L4528–4540, L6755)."""

    CORE = "core", "Core: deliver as written"
    ADAPTABLE = "adaptable", "Adaptable: trainers may change it for the group"
