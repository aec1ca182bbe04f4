"""The messages cohorts send, registered with core.notifications and named `events.<what>`.

Each renders templates/email/events_<what>/{subject,body}.txt (and body.html); `notify` records one
`core.Notification` per person and key, so "sent to this participant" is that row's status.
"""

from core.notifications import register_message, register_safe_fields

REGISTRATION_CONFIRMED = "events.registration_confirmed"
WAITING_LIST = "events.waiting_list"
PLACE_OFFERED = "events.place_offered"
OFFER_EXPIRED = "events.offer_expired"
DAY1_MOVED = "events.day1_moved"
COHORT_CANCELLED = "events.cohort_cancelled"
COHORT_CHANGED = "events.cohort_changed"
PLACE_CANCELLED = "events.place_cancelled"
PRE_COURSE_PACK = "events.pre_course_pack"
AGENDA = "events.agenda"
COHORT_MESSAGE = "events.cohort_message"
COHORT_REMINDER = "events.cohort_reminder"


def register() -> None:
    # What these messages' templates may show of each object (issue #19 point 5).
    register_safe_fields("events.registration", "cohort", "person", "skips_day1", "access_needs")
    register_safe_fields("events.cohort", "title", "start_date", "local_details")
    register_safe_fields("events.venue", "name", "one_line_address", "travel", "accessibility")
    register_safe_fields("events.session", "course", "date", "starts_at", "ends_at")
    register_safe_fields("events.placeoffer", "expires_at")
    register_safe_fields("courses.coursepage", "title")
    register_safe_fields("courses.sectionpage", "title", "number")
    register_safe_fields("courses.readingpage", "title")
    register_message(REGISTRATION_CONFIRMED, "Place confirmed, with the dates as a calendar file")
    register_message(WAITING_LIST, "Put on the waiting list")
    register_message(PLACE_OFFERED, "A freed place offered from the waiting list, with a time limit")
    register_message(OFFER_EXPIRED, "An offered place not taken up in time")
    register_message(DAY1_MOVED, "Day 1 moved to another cohort")
    register_message(COHORT_CANCELLED, "Cohort cancelled, with a calendar file that removes the days")
    register_message(
        COHORT_CHANGED,
        "A cohort's dates, times or venue changed, with a calendar file that updates the days",
        description="To everyone with a place and everyone on the team (issue #21).",
    )
    register_message(PLACE_CANCELLED, "Their place on a cohort cancelled, by them or by the facilitator")
    register_message(
        PRE_COURSE_PACK,
        "Pre-course pack",
        # 000:L2670–2672
        description="At least 14 days before Day 1, with local details and the pre-reading.",
    )
    register_message(
        AGENDA,
        "Agenda and letter confirming the place",
        # 000:L2674–2676
        description="At least 7 days before each day.",
    )
    register_message(
        COHORT_MESSAGE,
        "A message a Regional Facilitator writes to a cohort's people",
        description="Written on the cohort page to a group: everyone confirmed, parent carers, the waiting list…",
    )
    register_message(
        COHORT_REMINDER,
        "A reminder a Regional Facilitator writes to a cohort's people",
        optional=True,
        description="Like a message to the cohort, but not sent to people who stopped optional reminders.",
    )


def registration_key(registration) -> str:
    return f"registration-{registration.pk}"


def change_key(cohort) -> str:
    """One notice per person for each change: the change is known by the calendar sequence it raised."""
    return f"cohort-{cohort.pk}-change-{cohort.calendar_sequence}"


def session_key(registration, session) -> str:
    return f"registration-{registration.pk}-session-{session.pk}"
