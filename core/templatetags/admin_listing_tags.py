"""The platform's admin pages: `{% kept_admin_header %}…{% endkept_admin_header %}`, the header of
a listing or of a cohort's page kept a while (core.admin_listing_kept; Wagtail's own pages draw
theirs as usual), and `{% quick_pagination %}`, a listing's page links drawn in Python
(core.admin_pagination)."""

from django import template

from core.admin_listing_kept import KeptHeaderMixin, kept_header
from core.admin_pagination import pagination_html

register = template.Library()


class KeptAdminHeaderNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        view = context.get("view")
        if not isinstance(view, KeptHeaderMixin):
            return self.nodelist.render(context)
        return kept_header(view, lambda: self.nodelist.render(context))


@register.tag
def kept_admin_header(parser, token):
    nodelist = parser.parse(("endkept_admin_header",))
    parser.delete_first_token()
    return KeptAdminHeaderNode(nodelist)


@register.simple_tag(takes_context=True)
def quick_pagination(context):
    """What `{% include "wagtailadmin/shared/pagination_nav.html" with items=page_obj linkurl=index_url %}` draws."""
    return pagination_html(
        context["page_obj"], context.get("index_url"), context["elided_page_range"], context["request"]
    )
