"""The numbers cohorts run by, editable by programme admins in Settings → Cohort rules.

Every rule with a number lives here, with its seed reference, and is read through
`events.models.rules.current_rules()`; nothing else in the code holds these numbers (CONVENTIONS.md).
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


def _count(default: int, help_text: str, *, maximum: int = 100) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        default=default, validators=[MinValueValidator(0), MaxValueValidator(maximum)], help_text=help_text
    )


@register_setting(icon="date")
class CohortSettings(BaseSiteSetting):
    # Group size: "around sixteen - not fewer than six or more than twenty" (000:L2690).
    target_size = _count(16, "Places a cohort offers unless its facilitator says otherwise.")
    minimum_size = _count(
        # 000:L2690
        6,
        "A cohort needs this many confirmed participants to run; also part of the mix rule.",
    )
    # 000:L2690
    maximum_size = _count(20, "No cohort may offer more places than this.")
    # Cohorts were cancelled for too few registrations (000:L489–491): warn in time to recruit.
    at_risk_days = _count(
        21,
        "A recruiting cohort is at risk when it has fewer than the minimum this many days before it "
        # 000:L489–491
        "starts (product decision; cohorts were cancelled for low numbers).",
        maximum=365,
    )
    # "a pre-course pack at least two weeks in advance … at least one week before each day's training
    # … the agenda, and a letter confirming locations and dates" (000:L2670–2676).
    pre_course_pack_days = _count(
        # 000:L2670–2672
        14,
        "Days before Day 1 by which every participant has the pre-course pack.",
        maximum=90,
    )
    agenda_days = _count(
        7,
        # 000:L2674–2676
        "Days before each day by which participants have its agenda and confirmation letter.",
        maximum=60,
    )
    offer_hold_hours = _count(
        48,
        "How long a freed place is held for the next person on the waiting list before it goes to the "
        "person after them (product decision).",
        maximum=24 * 14,
    )
    # "most families who have a child with SEN can only attend something between 10am and 2pm" (000:L3999–4003).
    parent_hours_start = models.TimeField(
        # 000:L4001
        default=datetime.time(10, 0),
        help_text="Sessions starting earlier are flagged as hard for parents.",
    )
    parent_hours_end = models.TimeField(
        # 000:L4001
        default=datetime.time(14, 0),
        help_text="Sessions ending later are flagged as hard for parents.",
    )
    # The mix rule (DOMAIN.md §4, product decision from 000:L2219–2229): at least one person each
    # from health, social care, education and the voluntary sector and one parent carer, no
    # organisation above half the cohort, and at least the minimum group size confirmed.
    # 000:L2219–2229
    mix_min_health = _count(1, "People from health a cohort should have.")
    # 000:L2219–2229
    mix_min_social_care = _count(1, "People from social care a cohort should have.")
    # 000:L2219–2229
    mix_min_education = _count(1, "People from education a cohort should have.")
    # 000:L2219–2229
    mix_min_voluntary = _count(1, "People from the voluntary sector a cohort should have.")
    # 000:L2219–2229
    mix_min_parent_carers = _count(1, "Parent carers a cohort should have.")
    # 000:L2221
    mix_min_young_people = _count(0, "Young people a cohort should have; “possibly” in the seed.")
    mix_max_organisation_percent = _count(
        50,
        "No single organisation should make up more than this share of a cohort, in per cent "
        # 000:L3913
        "(a South East cohort of 8 came from two organisations).",
    )

    panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("minimum_size"), FieldPanel("target_size"), FieldPanel("maximum_size")])],
            heading="Group size",
        ),
        MultiFieldPanel(
            [
                FieldPanel("at_risk_days"),
                FieldRowPanel([FieldPanel("pre_course_pack_days"), FieldPanel("agenda_days")]),
                FieldPanel("offer_hold_hours"),
            ],
            heading="Deadlines",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("parent_hours_start"), FieldPanel("parent_hours_end")])],
            heading="Hours parents can attend",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("mix_min_health"),
                        FieldPanel("mix_min_social_care"),
                        FieldPanel("mix_min_education"),
                        FieldPanel("mix_min_voluntary"),
                    ]
                ),
                FieldRowPanel([FieldPanel("mix_min_parent_carers"), FieldPanel("mix_min_young_people")]),
                FieldPanel("mix_max_organisation_percent"),
            ],
            heading="Multi-agency mix",
        ),
    ]

    class Meta:
        verbose_name = "cohort rules"
        verbose_name_plural = "cohort rules"

    def clean(self):
        super().clean()
        if not self.minimum_size <= self.target_size <= self.maximum_size:
            raise ValidationError(
                "The usual group size must lie between the minimum and the maximum.", code="sizes_out_of_order"
            )
        if self.parent_hours_start >= self.parent_hours_end:
            raise ValidationError({"parent_hours_end": "The end must be after the start."}, code="hours_out_of_order")
