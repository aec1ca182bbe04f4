"""The numbers of the trainer pathway, editable by programme admins in Settings → Trainer pathway.

The seeds give no counts (DOMAIN.md §6): how many shadowings and co-trainings come before
accreditation is a product decision, so it is a setting read through `trainers.rules`, never a
constant in code (CONVENTIONS.md).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


def _count(default: int, help_text: str, *, minimum: int = 0, maximum: int = 20) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        default=default, validators=[MinValueValidator(minimum), MaxValueValidator(maximum)], help_text=help_text
    )


@register_setting(icon="group")
class TrainerSettings(BaseSiteSetting):
    # "novice trainers should initially shadow experienced trainers and co-train with them" (000:L412–416).
    shadowings_required = _count(
        # 000:L412–416
        1,
        "Shadowings signed off by a Lead Trainer before a trainee may co-train (product decision).",
    )
    co_trainings_required = _count(
        # 000:L3861
        1,
        "Co-trainings signed off by a Lead Trainer before a trainee can be accredited (product decision).",
    )
    # "a first lead delivery with an experienced co-trainer" (000:L3854–3863, L825).
    experienced_lead_deliveries = _count(
        1,
        "Cohorts an accredited trainer must have led to count as the experienced co-trainer a first lead "
        # 000:L825, L3854–3863
        "delivery needs.",
        minimum=1,
    )
    # T4T candidates "worked in small groups" balanced by experience (000:L2063–2065, L3506–3514).
    t4t_group_size = _count(
        # 000:L3506–3514
        4,
        "Candidates per small group when the platform suggests T4T groups.",
        minimum=2,
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("shadowings_required"), FieldPanel("co_trainings_required")], heading="Before accreditation"
        ),
        FieldPanel("experienced_lead_deliveries"),
        FieldPanel("t4t_group_size"),
    ]

    class Meta:
        verbose_name = "trainer pathway"
        verbose_name_plural = "trainer pathway"
