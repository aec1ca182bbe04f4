"""The nine English regions and their local authorities: reference data loaded by `bootstrap`.

Regions scope what a Regional Facilitator sees (DOMAIN.md §2); cohorts are run in a region and a
local authority (issue #4). See docs/decisions/0001-regions-in-core.md for why they live in core.
"""

from django.db import models


class Region(models.Model):
    code = models.CharField(max_length=9, unique=True, help_text="ONS region code, e.g. E12000001.")
    name = models.CharField(max_length=100, unique=True)
    contact_email = models.EmailField(
        "contact email address",
        blank=True,
        help_text="Where replies to messages about this region's cohorts go. "
        "Leave empty to send them to the region's Regional Facilitator.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LocalAuthority(models.Model):
    code = models.CharField(max_length=9, unique=True, help_text="ONS local authority code.")
    name = models.CharField(max_length=100, unique=True)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="local_authorities")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self) -> str:
        return self.name
