"""Programme and course pages rendered once and reused (issue #8, issue #20, docs/performance.md).

What these pages show depends only on the published content and on the audience: trainer material
is shown to the people who deliver or run the course and to no one else (courses.access). So the
page body is kept in the shared cache per page and audience, under the `CONTENT` generation
(core.caching): saving, publishing, unpublishing, moving or deleting any page, or changing any of
this app's snippets and reading links, bumps it, so every app process shows the change on its next
page. The header, messages and the Wagtail user bar are outside the cached part, and previews are
never cached.
"""

from collections.abc import Callable

from django.conf import settings
from django.template.loader import render_to_string
from wagtail.models import Page
from wagtail.signals import post_page_move

from core.caching import bump, bump_on_change, cached, generations
from courses.access import can_see_trainer_material

#: The generation of everything this app publishes: pages, snippets, a course's readings.
CONTENT = "courses-content"


def bump_on_content_change(course_models) -> None:
    """Called once the app registry is ready (CoursesConfig.ready)."""
    bump_on_change(CONTENT, [Page, *course_models])
    post_page_move.connect(lambda **kwargs: bump(CONTENT), weak=False, dispatch_uid="courses-content-moved")


def content_stamp() -> str:
    """Changes whenever published content changes: a part of the key of anything made of it."""
    return generations(CONTENT)


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
    """`render()` of something made only of published content, kept under `name` until the content
    changes (or for `COURSES_PAGE_CACHE_SECONDS` unread)."""
    return cached(f"courses:{name}", render, generation_names=[CONTENT], timeout=settings.COURSES_PAGE_CACHE_SECONDS)
