"""Dates and times written as Django's `date` and `time` filters write them, for pages that write
many (issue #8).

The filters find the format, the language's names and the time zone again for every value: about
20 µs each, a tenth of a cohort page's registrations table. These write the same text directly, in
the current language and time zone; core/tests/test_formatting.py compares them with the filters
for every month, weekday and hour.
"""

import datetime

from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_3, WEEKDAYS
from django.utils.translation import gettext


def _local(value):
    """A moment in the current time zone, as the filters see it; a day as it is."""
    return timezone.localtime(value) if isinstance(value, datetime.datetime) else value


def day_month_year(value) -> str:
    """`value|date:"j M Y"` ("4 Mar 2026")."""
    value = _local(value)
    return f"{value.day} {MONTHS_3[value.month].title()} {value.year:04d}"


def long_date(value) -> str:
    """`value|date:"j F Y"` ("4 March 2026")."""
    value = _local(value)
    return f"{value.day} {MONTHS[value.month]} {value.year:04d}"


def weekday_date(value) -> str:
    """`value|date:"l j F Y"` ("Wednesday 4 March 2026")."""
    value = _local(value)
    return f"{WEEKDAYS[value.weekday()]} {long_date(value)}"


def day_month_time(value: datetime.datetime) -> str:
    """`value|date:"j M, H:i"` ("4 Mar, 09:05")."""
    moment = _local(value)
    return f"{moment.day} {MONTHS_3[moment.month].title()}, {moment:%H:%M}"


def clock_time(value: datetime.time) -> str:
    """`value|time:"g:i a"` ("9:30 a.m.")."""
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d} {gettext('p.m.') if value.hour > 11 else gettext('a.m.')}"


def clock(value: datetime.time) -> str:
    """The GOV.UK style's times: "9am", "5:30pm", "midday", "midnight"; nothing to end a sentence on
    twice ("p.m.." in the offer email, issue #22)."""
    if value.minute == 0 and value.hour in (0, 12):
        return "midnight" if value.hour == 0 else "midday"
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'pm' if value.hour > 11 else 'am'}"


def deadline(value: datetime.datetime) -> str:
    """A moment to answer by, in words: "5pm on Wednesday 4 March 2026"."""
    moment = _local(value)
    return f"{clock(moment.time())} on {weekday_date(moment)}"
