"""The numbers the participant's course runs by, editable by programme admins in Settings → Course follow-through.

Every timing rule of issue #6 lives here with its seed reference and is read through
`feedback.rules.current_feedback_rules()`; nothing else in the code holds these numbers (CONVENTIONS.md).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

#: RP1 to RP5 (000 Appendix 5, L7419–7677).
REFLECTIONS = 5


def parse_days(value: str) -> list[int]:
    """ "7, 2" → [7, 2]; raises ValueError on anything that is not a list of whole numbers."""
    days = [int(part) for part in value.replace(" ", "").split(",") if part]
    if not days or any(day < 0 or day > 730 for day in days):
        raise ValueError(value)
    return days


def validate_days(value: str) -> None:
    try:
        parse_days(value)
    except ValueError:
        raise ValidationError("Write whole numbers of days separated by commas, for example 7, 2.") from None


@register_setting(icon="calendar-check")
class FeedbackSettings(BaseSiteSetting):
    # Readings were skipped (000:L898–904): remind those not done before each day. Product decision.
    reading_reminder_days = models.CharField(
        max_length=50,
        default="7, 2",
        validators=[validate_days],
        help_text="Days before each course day on which people who have not finished its reading get a reminder "
        # 000:L898–904
        "(readings were often skipped).",
    )
    # "continuous reflective practice, starting one week after the training and progressing into the next
    # two months" (000:L4942–4946).
    reflection_release_days = models.CharField(
        max_length=50,
        default="7, 21, 35, 49, 63",
        validators=[validate_days],
        help_text="Days after Day 2 on which Reflective Practice 1 to 5 open: one week after, then spread over "
        # 000:L4942–4946
        "about two months.",
    )
    # "a minimum period of three months between the end of the training and the follow-up" (000:L5236–5239).
    follow_up_months = models.PositiveSmallIntegerField(
        default=3,
        validators=[MinValueValidator(3), MaxValueValidator(24)],
        # 000:L5236–5239
        help_text="Months after Day 2 when the follow-up questionnaire opens; never fewer than 3.",
    )
    # "… through a questionnaire, ten months after its delivery" (000:L4328–4330).
    long_term_follow_up_months = models.PositiveSmallIntegerField(
        default=10,
        validators=[MaxValueValidator(36)],
        # 000:L4328–4330
        help_text="Months after Day 2 when the optional long-term questionnaire opens; 0 turns it off.",
    )
    # "participants' views … should also be captured" at the end of the days (000:L2723, L4322–4326).
    evaluation_open_days = models.PositiveSmallIntegerField(
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        # 000:L2723
        help_text="Days after a course day during which its evaluation form can still be filled in.",
    )
    evaluation_minimum_responses = models.PositiveSmallIntegerField(
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        # A product decision (DOMAIN.md §9).
        help_text="Trainers see results only from this many responses up, so that no answer can be traced to its "
        "author.",
    )
    left_early_counts_as_attended = models.BooleanField(
        default=True,
        help_text="Whether someone who left early counts as having attended the day (for Day 1 once, reflective "
        "practice and the certificate). Product decision.",
    )

    panels = [
        MultiFieldPanel([FieldPanel("reading_reminder_days")], heading="Readings"),
        MultiFieldPanel(
            [FieldPanel("evaluation_open_days"), FieldPanel("evaluation_minimum_responses")], heading="Evaluation"
        ),
        MultiFieldPanel(
            [
                FieldPanel("reflection_release_days"),
                FieldRowPanel([FieldPanel("follow_up_months"), FieldPanel("long_term_follow_up_months")]),
            ],
            heading="After the course",
        ),
        FieldPanel("left_early_counts_as_attended"),
    ]

    class Meta:
        verbose_name = "course follow-through rules"
        verbose_name_plural = "course follow-through rules"

    def clean(self):
        super().clean()
        try:
            days = parse_days(self.reflection_release_days)
        except ValueError:
            return  # the field's own validator reports it
        if len(days) != REFLECTIONS or days != sorted(days):
            raise ValidationError(
                {"reflection_release_days": "Give five days in order, one for each Reflective Practice."},
                code="reflection_schedule",
            )
