"""Search over course pages, a fixed number of queries however much content there is. What each
course page shows is read by the page itself (`courses.models`: programme, sections, readings)."""

from wagtail.models import Page

from courses.access import visible_pages


def search_pages(query, user):
    """Search live public pages, less trainer-only ones for people who may not see them. `query` is
    Wagtail search terms (`courses.views.search_terms`)."""
    return visible_pages(Page.objects.all(), user).specific().search(query)
