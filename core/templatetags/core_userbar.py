"""Wagtail's user bar, only where it has something to offer."""

from django import template
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def page_userbar(context):
    """The user bar (edit this page, its accessibility checks) on Wagtail pages, for people who work
    in the admin. On the platform's own pages it would offer only the header's Admin link, and
    checking who may see it would cost every signed-in visitor two permission queries (issue #8)."""
    if context.get("can_use_admin") and isinstance(context.get("page"), Page):
        return wagtailuserbar(context)
    return ""
