"""Times and deadlines in messages, in the GOV.UK style ("5pm on Wednesday 4 March 2026"), written
with Django's own date formats. Nothing ends on "p.m." to be followed by a full stop ("p.m..", issue #22)."""

import datetime

from django.utils import dateformat, timezone


def clock(value: datetime.time) -> str:
    """ "9am", "5:30pm", "midday", "midnight"."""
    if value.minute == 0 and value.hour in (0, 12):
        return "midnight" if value.hour == 0 else "midday"
    return dateformat.time_format(value, "g:iA" if value.minute else "gA").lower()


def deadline(value: datetime.datetime) -> str:
    """A moment to answer by, in the current time zone: "5pm on Wednesday 4 March 2026"."""
    moment = timezone.localtime(value)
    return f"{clock(moment.time())} on {dateformat.format(moment, 'l j F Y')}"
