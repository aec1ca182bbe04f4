"""Where cohorts meet: a snippet so venues are reused, revised and checked for access.

Parent carers need equal access to the venue (000:L556–562, L2286–2294), so each venue says
plainly how accessible it is, and a cohort cannot offer more places than the room holds.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin


class Venue(RevisionMixin, models.Model):
    name = models.CharField(max_length=200)
    region = models.ForeignKey(
        "core.Region",
        on_delete=models.PROTECT,
        related_name="venues",
        help_text="Who may book it: its region's facilitators.",
    )
    address = models.TextField()
    postcode = models.CharField(max_length=10, blank=True)
    accessibility = models.TextField(
        help_text="Step-free access, accessible toilets, hearing loop, quiet room, parking for blue badge holders."
    )
    travel = models.TextField(
        "getting there", blank=True, help_text="Public transport, parking and where to go on arrival."
    )
    capacity = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1)],
        # 000:L2690–2694
        help_text="How many participants the room holds comfortably.",
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="venue")

    panels = [
        FieldPanel("name"),
        FieldPanel("region"),
        FieldPanel("address"),
        FieldPanel("postcode"),
        FieldPanel("accessibility"),
        FieldPanel("travel"),
        FieldPanel("capacity"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def revisions(self):
        return self._revisions

    @property
    def one_line_address(self) -> str:
        return ", ".join(part.strip() for part in [*self.address.splitlines(), self.postcode] if part.strip())
