"""Times and deadlines in messages read in the GOV.UK style (core.dates)."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from core.dates import clock, deadline

LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (datetime.time(9, 0), "9am"),
        (datetime.time(17, 30), "5:30pm"),
        (datetime.time(12, 0), "midday"),
        (datetime.time(0, 0), "midnight"),
        (datetime.time(12, 5), "12:05pm"),
        (datetime.time(0, 45), "12:45am"),
    ],
)
def test_a_clock_time_reads_in_the_gov_uk_style(value, words):
    assert clock(value) == words


def test_a_deadline_names_the_time_then_the_day_and_ends_without_a_full_stop():
    moment = datetime.datetime(2026, 3, 4, 17, 0, tzinfo=datetime.UTC)
    with timezone.override(LONDON):
        assert deadline(moment) == "5pm on Wednesday 4 March 2026"
        assert f"Please answer by {deadline(moment)}." == "Please answer by 5pm on Wednesday 4 March 2026."


def test_a_deadline_is_written_in_the_current_time_zone():
    summer = datetime.datetime(2026, 7, 1, 16, 30, tzinfo=datetime.UTC)
    with timezone.override(LONDON):
        assert deadline(summer) == "5:30pm on Wednesday 1 July 2026"
