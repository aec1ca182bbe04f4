from django.urls import path

from core import views

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/<slug:role_slug>/", views.role_dashboard, name="dashboard_role"),
    path("notifications/", views.notifications, name="notifications"),
    path("preferences/", views.preferences, name="preferences"),
    path("my-data/", views.my_data, name="my_data"),
    path("consent/", views.consent, name="consent"),
]
