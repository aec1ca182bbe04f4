"""Doors that apps to the right of events fill, since events never imports them (CONVENTIONS.md).

The same pattern as `trainers.interfaces`: each app registers its function from its
`AppConfig.ready()`, once per process at start-up; nothing about people or cohorts is kept here.

1. **Rules a change of days must still meet.** Moving a cohort's days re-runs the rostering rules
   (issue #21 point 2): the trainers app registers a check that reads the cohort's team against its
   new days (double booking, accreditation, a first lead with an experienced co-trainer):

       register_change_check(check)  # (Cohort with its new days in memory) -> list[ValidationError]

2. **What must be done before a cohort is marked delivered.** The feedback app registers that each
   day's register is taken (issue #21 point 3):

       register_delivery_check(check)  # (Cohort) -> list[ValidationError]

3. **Why a cohort is at risk.** The trainers app adds "no accredited lead" and "checklists not
   done" to the reasons events finds itself (`events.selectors.at_risk`):

       register_risk_source(source)  # (list[Cohort], today) -> dict[cohort id, list[RiskReason]]
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class RiskReason:
    """One reason a cohort may not run well, with the page where it is put right."""

    code: str
    text: str
    fix_url: str


ChangeCheck = Callable[[object], list[ValidationError]]
RiskSource = Callable[[list, datetime.date], dict[int, list[RiskReason]]]

_change_checks: list[ChangeCheck] = []
_delivery_checks: list[ChangeCheck] = []
_risk_sources: list[RiskSource] = []


def _add(registered: list, function) -> None:
    if function not in registered:
        registered.append(function)


def register_change_check(check: ChangeCheck) -> None:
    _add(_change_checks, check)


def register_delivery_check(check: ChangeCheck) -> None:
    _add(_delivery_checks, check)


def register_risk_source(source: RiskSource) -> None:
    _add(_risk_sources, source)


def change_problems(cohort) -> list[ValidationError]:
    """What the other apps' rules say against `cohort` with its new days (in memory, not saved yet)."""
    return [problem for check in _change_checks for problem in check(cohort)]


def delivery_problems(cohort) -> list[ValidationError]:
    """What is still missing before `cohort` can be marked delivered."""
    return [problem for check in _delivery_checks for problem in check(cohort)]


def other_risk_reasons(cohorts: list, today: datetime.date) -> dict[int, list[RiskReason]]:
    """The reasons other apps find, by cohort id, for the cohorts given (a fixed number of queries each)."""
    reasons: dict[int, list[RiskReason]] = {}
    for source in _risk_sources:
        for cohort_id, found in source(cohorts, today).items():
            reasons.setdefault(cohort_id, []).extend(found)
    return reasons
