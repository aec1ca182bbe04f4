"""The dashboard's numbers, each a Django setting (`OVERSIGHT_…`) with its default here."""

import datetime

from django.conf import settings

#: The programme year starts on the 1st of this month: April, as the programme's years ran
#: ("the beginning of Year 2 – April 2014", 004:L1235). The dashboard shows the current one unless
#: asked for another period.
PROGRAMME_YEAR_START_MONTH = getattr(settings, "OVERSIGHT_PROGRAMME_YEAR_START_MONTH", 4)
#: Cohorts listed a page in the dashboard's per-cohort table (issue #8: it listed all 5,000).
COHORTS_PER_PAGE = getattr(settings, "OVERSIGHT_COHORTS_PER_PAGE", 50)
#: Seconds a computed report is reused for the same regions, filters and day (issue #8): the figures
#: may lag by this much, and the page says when they were worked out.
REPORT_CACHE_SECONDS = getattr(settings, "OVERSIGHT_REPORT_CACHE_SECONDS", 300)


def programme_year(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the programme year `today` falls in."""
    year = today.year if today.month >= PROGRAMME_YEAR_START_MONTH else today.year - 1
    start = datetime.date(year, PROGRAMME_YEAR_START_MONTH, 1)
    return start, datetime.date(year + 1, PROGRAMME_YEAR_START_MONTH, 1) - datetime.timedelta(days=1)
