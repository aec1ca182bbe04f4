"""The error summary's entries for any form (issue #23.3): `{% for target, message in form|error_summary %}`."""

from django import template

from core.forms import error_summary as summary_entries

register = template.Library()


@register.filter
def error_summary(form) -> list[tuple[str, str]]:
    return summary_entries(form)
