"""The site's URLs plus the benchmark floor (config.settings.bench only)."""

from django.urls import path

from bench.views import floor
from config.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("bench/floor/", floor, name="bench_floor"), *site_urlpatterns]
