"""Small formatting helpers for course templates."""

from django import template

from courses.models import Flexibility

register = template.Library()


@register.filter
def duration(minutes: int | None) -> str:
    """Minutes in plain English for parents and trainers: 35 → "35 minutes", 330 → "5½ hours"."""
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} minutes"
    if rest == 30:
        return f"{hours}½ hours"
    hour_text = "1 hour" if hours == 1 else f"{hours} hours"
    return f"{hour_text} {rest} minutes" if rest else hour_text


@register.filter
def activity_anchor(number: str) -> str:
    """A fragment id for an activity: "2.2" → "activity-2-2"."""
    return "activity-" + str(number).replace(".", "-")


@register.filter
def flexibility_label(value: str) -> str:
    """The same words for an activity's flag as for a section's (`get_flexibility_display`)."""
    return Flexibility(value).label
