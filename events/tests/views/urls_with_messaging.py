"""The site's URLs plus the messaging screens' names, as the admin registers them once they are
installed (`/admin/cohorts/<pk>/message/` ...): the cohort page links to them only then."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def screen(request, pk):
    return HttpResponse(f"Messaging screen of cohort {pk}")


urlpatterns = [
    path("admin/cohorts/<int:pk>/message/", screen, name="cohort_message"),
    path("admin/cohorts/<int:pk>/send-pack/", screen, name="cohort_send_pack"),
    path("admin/cohorts/<int:pk>/send-agenda/", screen, name="cohort_send_agenda"),
    *site_urlpatterns,
]
