"""The site's URLs plus the benchmark's floor and plain page (config.settings.bench only).

Django reads the error handlers from the root URLconf, so the site's are named here too: without
them a database outage under the benchmarks would answer Django's 500, not the site's 503."""

from django.urls import path

from bench.views import floor, plain_page
from config import urls as site

urlpatterns = [
    path("bench/floor/", floor, name="bench_floor"),
    path("bench/plain/", plain_page, name="bench_plain"),
    *site.urlpatterns,
]

handler500 = site.handler500
