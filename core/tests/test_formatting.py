"""Dates written directly are what Django's `date` filter writes (core.formatting)."""

import datetime
import zoneinfo

import pytest
from django.template.defaultfilters import date as date_filter
from django.utils import timezone

from core.formatting import day_month_time, day_month_year

LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.mark.parametrize("month", range(1, 13))
def test_a_date_reads_as_the_filter_writes_it(month):
    day = datetime.date(2026, month, 3)

    assert day_month_year(day) == date_filter(day, "j M Y")


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("hour", [0, 9, 23])
def test_a_time_reads_as_the_filter_writes_it(month, hour):
    moment = datetime.datetime(2026, month, 3, hour, 5, tzinfo=datetime.UTC)
    with timezone.override(LONDON):
        assert day_month_time(moment) == date_filter(timezone.localtime(moment), "j M, H:i")


def test_a_time_is_in_the_current_time_zone():
    summer = datetime.datetime(2026, 7, 31, 23, 30, tzinfo=datetime.UTC)
    with timezone.override(LONDON):
        assert day_month_time(summer) == "1 Aug, 00:30"
