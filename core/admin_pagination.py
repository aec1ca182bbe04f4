"""A listing's page links drawn in Python, as Wagtail's `shared/pagination_nav.html` draws them
(issue #8, ADR 0005): the platform's admin listings draw theirs with `{% quick_pagination %}`.

The template's dozen `{% querystring %}` tags and translated words were a twentieth of a listing's
time. The markup is the template's, class for class; core/tests/test_admin_pagination.py draws
both and compares them.
"""

from django.contrib.humanize.templatetags.humanize import intcomma
from django.shortcuts import resolve_url
from django.urls import NoReverseMatch
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext

from core.admin_markup import esc, icon


def _base_url(linkurl) -> str:
    """What `{% resolve_url linkurl %}` gives: a URL name reversed, a path as it is, or ""."""
    if not linkurl:
        return ""
    try:
        return resolve_url(linkurl)
    except NoReverseMatch:
        return ""


def _page_link(base_url: str, query, number) -> str:
    """`{{ url_path }}{% querystring p=number %}`: this address with only the page changed."""
    query = query.copy()
    query["p"] = str(number)
    return esc(f"{base_url}?{query.urlencode()}")


def _page_number(page, number, base_url: str, query) -> str:
    current = number == page.number
    classname = "pagination__page-number" + (" pagination__page-number--current" if current else "")
    if number == page.paginator.ELLIPSIS:
        inner = f"<span>{esc(number)}</span>"
    else:
        aria_current = ' aria-current="page"' if current else ""
        inner = f'<a href="{_page_link(base_url, query, number)}"{aria_current}>{esc(intcomma(number))}</a>'
    return f'<li class="{classname}">{inner}</li>'


def pagination_html(page, linkurl, page_range, request) -> SafeString:
    """`page`'s links to the pages of `page_range` (the paginator's elided range), and to the pages
    before and after it, each keeping the rest of the address's query."""
    base_url, query = _base_url(linkurl), request.GET
    previous = f' href="{_page_link(base_url, query, page.previous_page_number())}"' if page.has_previous() else ""
    following = f' href="{_page_link(base_url, query, page.next_page_number())}"' if page.has_next() else ""
    of_pages = gettext("Page %(page_num)s of %(total_pages)s") % {
        "page_num": intcomma(page.number),
        "total_pages": intcomma(page.paginator.num_pages),
    }
    numbers = "".join(_page_number(page, number, base_url, query) for number in page_range)
    return SafeString(
        f'<nav class="pagination" aria-label="{esc(gettext("Pagination"))}">'
        f'<div class="pagination__start"><p>{esc(of_pages)}</p></div><ul>'
        f'<li class="prev"><a{previous}>{icon("arrow-left", "default")}{esc(gettext("Previous"))}</a></li>'
        f"{numbers}"
        f'<li class="next"><a{following}>{esc(gettext("Next"))}{icon("arrow-right", "default")}</a></li>'
        f'</ul><div class="pagination__end">{esc(capfirst(page.paginator.items_count_label))}</div></nav>'
    )
