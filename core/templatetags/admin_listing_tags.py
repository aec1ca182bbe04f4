"""`{% kept_listing_header %}…{% endkept_listing_header %}`: a listing's header, kept a while
(core.admin_listing_kept). Wagtail's own listings, and every other admin page, draw theirs as usual."""

from django import template

from core.admin_listing import QuickListingMixin
from core.admin_listing_kept import kept_header

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
