"""The one way code reads the course follow-through rules (reminders, releases, evaluation, attendance).

Programme admins edit them in Settings → Course follow-through rules (`feedback.models.FeedbackSettings`,
each field with its seed reference). Services and selectors call `current_feedback_rules()` once per
operation and pass the result on, so a sweep or a page sees one consistent set of numbers.
"""

import calendar
import datetime
from dataclasses import dataclass

from core.site_settings import default_site_settings
from feedback.models import FeedbackSettings
from feedback.models.settings import parse_days


@dataclass(frozen=True)
class FeedbackRules:
    reading_reminder_days: tuple[int, ...]
    reflection_release_days: tuple[int, ...]
    follow_up_months: int
    long_term_follow_up_months: int
    evaluation_open_days: int
    evaluation_minimum_responses: int
    left_early_counts_as_attended: bool

    @classmethod
    def from_settings(cls, settings: FeedbackSettings) -> "FeedbackRules":
        return cls(
            reading_reminder_days=tuple(sorted(set(parse_days(settings.reading_reminder_days)), reverse=True)),
            reflection_release_days=tuple(parse_days(settings.reflection_release_days)),
            follow_up_months=settings.follow_up_months,
            long_term_follow_up_months=settings.long_term_follow_up_months,
            evaluation_open_days=settings.evaluation_open_days,
            evaluation_minimum_responses=settings.evaluation_minimum_responses,
            left_early_counts_as_attended=settings.left_early_counts_as_attended,
        )

    def evaluation_closes(self, day: datetime.date) -> datetime.date:
        return day + datetime.timedelta(days=self.evaluation_open_days)

    def reminder_due(self, day: datetime.date, today: datetime.date) -> int | None:
        """The reminder point (days before `day`) that has most recently passed, if any: a sweep that
        missed a day sends the latest reminder, never a stale one as well."""
        if today >= day:
            return None
        passed = [days for days in self.reading_reminder_days if day - datetime.timedelta(days=days) <= today]
        return min(passed) if passed else None


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day (31 January + 1 month = 28/29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def current_feedback_rules() -> FeedbackRules:
    """The default site's rules, or the seed defaults before an admin has saved any
    (core.site_settings: no query when read within the last `SITE_SETTINGS_CACHE_SECONDS`)."""
    return FeedbackRules.from_settings(default_site_settings(FeedbackSettings))
