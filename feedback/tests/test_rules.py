"""The timing rules read from Settings → Course follow-through rules."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from feedback.models import FeedbackSettings
from feedback.rules import FeedbackRules, add_months, current_feedback_rules


def test_the_defaults_follow_the_seeds(db):
    rules = current_feedback_rules()

    assert rules.reading_reminder_days == (7, 2)
    assert rules.reflection_release_days == (7, 21, 35, 49, 63)  # a week after, over about two months
    assert (rules.follow_up_months, rules.long_term_follow_up_months) == (3, 10)


@pytest.mark.parametrize(("today_offset", "point"), [(-9, None), (-7, 7), (-5, 7), (-2, 2), (-1, 2), (0, None)])
def test_the_latest_reminder_point_that_has_passed(today_offset, point):
    rules = FeedbackRules.from_settings(FeedbackSettings())
    day = datetime.date(2025, 6, 20)

    assert rules.reminder_due(day, day + datetime.timedelta(days=today_offset)) == point


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (datetime.date(2025, 1, 31), 1, datetime.date(2025, 2, 28)),
        (datetime.date(2024, 11, 15), 3, datetime.date(2025, 2, 15)),
        (datetime.date(2024, 3, 31), 10, datetime.date(2025, 1, 31)),
    ],
)
def test_months_are_calendar_months(start, months, expected):
    assert add_months(start, months) == expected


def test_the_follow_up_is_never_earlier_than_three_months(db):
    settings = FeedbackSettings(follow_up_months=2)

    with pytest.raises(ValidationError) as error:
        settings.clean_fields()
    assert "follow_up_months" in error.value.message_dict
