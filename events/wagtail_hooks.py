"""Cohorts in the Wagtail admin, and the names of their audit entries (`events.<noun>.<verb>`)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from events.admin.viewsets import CohortsGroup
from events.views.admin_calendar import PERMISSION, CohortCalendarView

AUDIT_ACTIONS = [
    ("events.cohort.open", "Open cohort for registration", "Cohort opened for registration"),
    ("events.cohort.confirm", "Confirm cohort", "Cohort confirmed"),
    ("events.cohort.deliver", "Mark cohort delivered", "Cohort marked as delivered"),
    ("events.cohort.cancel", "Cancel cohort", "Cohort cancelled"),
    ("events.cohort.change", "Change cohort", "Cohort changed: days, times, venue or places"),
    ("events.registration.create", "Register", "Registered"),
    ("events.registration.cancel", "Cancel registration", "Registration cancelled; the person was told"),
    ("events.registration.move_day1", "Move Day 1", "Day 1 moved to another cohort"),
    ("events.registration.import", "Import registrations", "Registrations imported"),
    ("events.offer.make", "Offer a place", "Place offered from the waiting list"),
    ("events.offer.accept", "Accept offered place", "Offered place accepted"),
    ("events.offer.decline", "Decline offered place", "Offered place declined"),
    ("events.offer.expire", "Expire offer", "Offered place not taken up in time"),
    ("events.day1.record", "Record Day 1", "Day 1 recorded as done"),
    ("events.day1.withdraw", "Withdraw Day 1", "Day 1 taken back: the register was corrected to absent"),
    ("events.preparation.update", "Update preparation", "Preparation record updated"),
    ("events.calendar_feed.reset", "Reset calendar address", "Calendar address reset"),
]


@hooks.register("register_log_actions")
def register_events_actions(actions):
    for action, label, message in AUDIT_ACTIONS:
        actions.register_action(action, label, message)


@hooks.register("register_admin_viewset")
def register_cohorts():
    return CohortsGroup()


@hooks.register("register_admin_urls")
def register_calendar_url():
    return [path("cohort-calendar/", CohortCalendarView.as_view(), name="events_cohort_calendar")]


class CalendarMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def register_calendar_menu_item():
    return CalendarMenuItem("Cohort calendar", reverse("events_cohort_calendar"), icon_name="calendar", order=210)
