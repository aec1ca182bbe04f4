"""URLs with each kind of key, for core.tests.test_admin_listing's row URL tests."""

from django.http import HttpResponse
from django.urls import path


def _view(request, pk):
    return HttpResponse(str(pk))


urlpatterns = [
    path("things/<int:pk>/edit/", _view, name="row_url_int"),
    path("things/<str:pk>/edit/", _view, name="row_url_str"),
    path("things/<uuid:pk>/edit/", _view, name="row_url_uuid"),
]
