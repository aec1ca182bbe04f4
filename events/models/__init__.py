from .calendars import CalendarFeed
from .cohorts import Cohort, Session
from .day1 import Day1Completion
from .offers import PlaceOffer
from .preparation import Preparation
from .registrations import Registration
from .settings import CohortSettings
from .venues import Venue

__all__ = [
    "CalendarFeed",
    "Cohort",
    "CohortSettings",
    "Day1Completion",
    "PlaceOffer",
    "Preparation",
    "Registration",
    "Session",
    "Venue",
]
