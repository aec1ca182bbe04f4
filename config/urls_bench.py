"""The site's URLs plus the benchmark's floor and plain page (config.settings.bench only)."""

from django.urls import path

from bench.views import floor, plain_page
from config.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("bench/floor/", floor, name="bench_floor"),
    path("bench/plain/", plain_page, name="bench_plain"),
    *site_urlpatterns,
]
