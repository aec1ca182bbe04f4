"""Dates and times written directly are what Django's `date` and `time` filters write (core.formatting)."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import timezone

from core.formatting import clock, clock_time, day_month_time, day_month_year, deadline, long_date, weekday_date

LONDON = zoneinfo.ZoneInfo("Europe/London")


def _filtered(value, expression: str) -> str:
    """What a template writes for `{{ value|<expression> }}`, the moment in the current time zone."""
    return Template("{{ value|" + expression + " }}").render(Context({"value": value}))


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("day", [1, 3, 6, 9, 12, 15, 28])  # every weekday in each month
def test_a_day_reads_as_the_filter_writes_it(month, day):
    value = datetime.date(2026, month, day)

    assert day_month_year(value) == _filtered(value, 'date:"j M Y"')
    assert long_date(value) == _filtered(value, 'date:"j F Y"')
    assert weekday_date(value) == _filtered(value, 'date:"l j F Y"')


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("hour", [0, 9, 23])
def test_a_moment_reads_in_the_current_time_zone_as_the_filter_writes_it(month, hour):
    moment = datetime.datetime(2026, month, 3, hour, 5, tzinfo=datetime.UTC)
    with timezone.override(LONDON):
        assert day_month_time(moment) == _filtered(moment, 'date:"j M, H:i"')
        assert long_date(moment) == _filtered(moment, 'date:"j F Y"')
        assert day_month_year(moment) == _filtered(moment, 'date:"j M Y"')


def test_a_moment_is_in_the_current_time_zone():
    summer = datetime.datetime(2026, 7, 31, 23, 30, tzinfo=datetime.UTC)
    with timezone.override(LONDON):
        assert day_month_time(summer) == "1 Aug, 00:30"
        assert long_date(summer) == "1 August 2026"


@pytest.mark.parametrize("hour", range(24))
@pytest.mark.parametrize("minute", [0, 5, 30])
def test_a_time_of_day_reads_as_the_filter_writes_it(hour, minute):
    value = datetime.time(hour, minute)

    assert clock_time(value) == _filtered(value, 'time:"g:i a"')


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (datetime.time(9, 0), "9am"),
        (datetime.time(17, 30), "5:30pm"),
        (datetime.time(12, 0), "midday"),
        (datetime.time(0, 0), "midnight"),
        (datetime.time(12, 5), "12:05pm"),
    ],
)
def test_a_clock_time_reads_in_the_gov_uk_style(value, words):
    assert clock(value) == words


def test_a_deadline_names_the_time_then_the_day_and_ends_without_a_full_stop():
    moment = datetime.datetime(2026, 3, 4, 17, 0, tzinfo=datetime.UTC)
    with timezone.override(LONDON):
        assert deadline(moment) == "5pm on Wednesday 4 March 2026"
        assert f"Please answer by {deadline(moment)}." == "Please answer by 5pm on Wednesday 4 March 2026."
