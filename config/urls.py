from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from courses import views as courses_views

# Everyone signs in through allauth, whose sign-in asks staff for their authenticator code (issue #19
# point 1). Wagtail still routes sign-in forms of its own (the admin's, and `_util/login/` for pages
# kept for signed-in people) that call Django's login directly: these two patterns come first and send
# both to allauth's, keeping `next`. tests/test_sign_in_doors.py walks the resolver for any other.
sign_in = RedirectView.as_view(pattern_name="account_login", query_string=True)

urlpatterns = [
    path("admin/login/", sign_in),
    path("_util/login/", sign_in),
    # Before Wagtail's admin: its exporting reports, formula-safe (core.admin.reports).
    path("admin/reports/", include("core.admin.reports")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("search/", courses_views.search, name="search"),
    path("", include("core.urls")),
    path("", include("events.urls")),
    path("trainer/", include("trainers.urls")),
    path("", include("feedback.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Only images in development: documents always go through /documents/, where privacy is checked.
    for folder in ("images", "original_images"):
        urlpatterns += static(f"{settings.MEDIA_URL}{folder}/", document_root=settings.MEDIA_ROOT / folder)

# Pages go through courses' `serve_page`, which shares a public page between cookieless visitors and
# hands everything else to Wagtail's `serve`; Wagtail's own patterns stay for its `_util/` views and
# for reversing page URLs (`wagtail_serve`).
urlpatterns += [
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", courses_views.serve_page, name="page"),
    path("", include(wagtail_urls)),
]

handler500 = "core.outage.server_error"
