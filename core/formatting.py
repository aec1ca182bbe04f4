"""Dates written as Django's `date` filter writes them, for pages that write many (issue #8).

The filter finds the format, the language's month names and the time zone again for every value:
about 20 µs each, a tenth of a cohort page's registrations table. These write the same text
directly; core/tests/test_formatting.py compares them with the filter for every month.
"""

import datetime

from django.utils import timezone
from django.utils.dates import MONTHS_3


def _month(value: datetime.date) -> str:
    return MONTHS_3[value.month].title()


def day_month_year(value: datetime.date) -> str:
    """`value|date:"j M Y"` ("4 Mar 2026")."""
    return f"{value.day} {_month(value)} {value.year}"


def day_month_time(value: datetime.datetime) -> str:
    """`value|date:"j M, H:i"` in the current time zone ("4 Mar, 09:05")."""
    moment = timezone.localtime(value)
    return f"{moment.day} {_month(moment)}, {moment:%H:%M}"
