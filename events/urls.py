from django.urls import path

from events.views import participant, public, team

app_name = "events"

urlpatterns = [
    path("cohorts/", public.cohort_list, name="cohort_list"),
    path("cohorts/<int:pk>/", public.cohort_detail, name="cohort_detail"),
    path("cohorts/<int:pk>/register/", public.register, name="register"),
    path("cohorts/<int:pk>/calendar.ics", public.cohort_ics, name="cohort_calendar"),
    path("cohorts/<int:pk>/team/", team.cohort_team, name="cohort_team"),
    path("cohorts/<int:pk>/team/preparation/<int:registration_pk>/", team.preparation, name="preparation"),
    path("my/courses/", participant.my_registrations, name="my_registrations"),
    path("my/courses/<int:pk>/cancel/", participant.cancel, name="registration_cancel"),
    path("my/calendar.ics", participant.my_calendar, name="my_calendar"),
    path("my/calendar-feed/", team.calendar_feed, name="calendar_feed"),
    path("my/calendar-feed/new/", team.calendar_feed_new, name="calendar_feed_new"),
    path("calendar/<uuid:token>.ics", team.trainer_feed, name="trainer_feed"),
    path("offers/<uuid:token>/", participant.offer, name="offer"),
]
