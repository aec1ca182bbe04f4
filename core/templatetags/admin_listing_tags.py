"""The platform's admin listings: `{% kept_listing_header %}…{% endkept_listing_header %}`, a
listing's header kept a while (core.admin_listing_kept; Wagtail's own listings, and every other
admin page, draw theirs as usual), and `{% quick_pagination %}`, its page links drawn in Python
(core.admin_pagination)."""

from django import template

from core.admin_listing import QuickListingMixin
from core.admin_listing_kept import kept_header
from core.admin_pagination import pagination_html

register = template.Library()


class KeptListingHeaderNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        view = context.get("view")
        if not isinstance(view, QuickListingMixin):
            return self.nodelist.render(context)
        return kept_header(view, lambda: self.nodelist.render(context))


@register.tag
def kept_listing_header(parser, token):
    nodelist = parser.parse(("endkept_listing_header",))
    parser.delete_first_token()
    return KeptListingHeaderNode(nodelist)


@register.simple_tag(takes_context=True)
def quick_pagination(context):
    """What `{% include "wagtailadmin/shared/pagination_nav.html" with items=page_obj linkurl=index_url %}` draws."""
    return pagination_html(
        context["page_obj"], context.get("index_url"), context["elided_page_range"], context["request"]
    )
