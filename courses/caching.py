"""Programme and course pages rendered once and reused (issue #8, docs/performance.md).

What these pages show depends only on the published content and on the audience: trainer material
is shown to the people who deliver or run the course and to no one else (courses.access). So the
page body is kept in the cache per page and audience for `COURSES_PAGE_CACHE_SECONDS`, keyed on a
stamp of the page tree (pages live, the last publication, the latest revision): publishing or
unpublishing any page changes the key. Each app process reads the stamp at most once every
`COURSES_CONTENT_STAMP_SECONDS`, and again at once after it saved or deleted a page itself, so a
publication shows at once in the process that made it and within those seconds in the others.
Reference snippets without revisions (principles, glossary, resources) show within the timeout. The
header, messages and the Wagtail user bar are outside the cached part, and previews are never cached.
"""

from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.template.loader import render_to_string
from wagtail.models import Page

from core.process_memory import ProcessMemory
from courses.access import can_see_trainer_material

_kept_stamp = ProcessMemory("COURSES_CONTENT_STAMP_SECONDS")
#: What `cached_content` took from the cache, kept as briefly as the stamp: a body every page of a
#: kind shows (the T4T preparation on every candidate's pathway) costs no cache read per request.
_kept_content = ProcessMemory("COURSES_CONTENT_STAMP_SECONDS", most=256)
_kept_stamp.forget_on_change(Page)
_kept_content.forget_on_change(Page)


def content_stamp() -> str:
    """Changes whenever a page is published, unpublished or saved as a draft (one query when read)."""
    return _kept_stamp.get("stamp", _read_content_stamp)


def _read_content_stamp() -> str:
    stamp = Page.objects.aggregate(
        live=Count("pk", filter=Q(live=True)), published=Max("last_published_at"), revision=Max("latest_revision_id")
    )
    published = stamp["published"].isoformat() if stamp["published"] else ""
    return f"{stamp['live']}:{published}:{stamp['revision']}"


def cached_page_body(page: Page, request, template_name: str, build: Callable[[], dict]) -> str:
    """`template_name` rendered with the page and `build()`, from the cache when it is there.

    `build` runs only when the body has to be rendered, so a cached page costs none of its queries."""

    def render() -> str:
        return render_to_string(template_name, {"page": page, "request": request, **build()})

    if getattr(request, "is_preview", False):
        return render()
    audience = "trainers" if can_see_trainer_material(request.user) else "public"
    return cached_content(f"page-body:{page.pk}:{audience}", render)


def cached_content(name: str, render: Callable[[], str]) -> str:
    """`render()` of something made only of published content, kept under `name` and the content
    stamp for `COURSES_PAGE_CACHE_SECONDS` (and by the app process for `COURSES_CONTENT_STAMP_SECONDS`
    more): publishing or unpublishing a page shows as soon as the stamp changes."""
    key = f"courses:{name}:{content_stamp()}"
    return _kept_content.get(key, lambda: cache.get_or_set(key, render, settings.COURSES_PAGE_CACHE_SECONDS))
