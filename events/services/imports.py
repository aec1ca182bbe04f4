"""Importing a cohort's registrations from a spreadsheet: preview first, then all or nothing (issue #4 point 8)."""

import tablib
from django.core.exceptions import ValidationError
from django.db import transaction
from import_export.results import Result
from wagtail.log_actions import log

from core.models import User
from events.models import Cohort
from events.resources import RegistrationResource

REQUIRED_COLUMNS = {"email", "applying_as", "experience", "years_experience", "how_heard"}


class ImportRejected(ValidationError):
    """Raised when confirming an import with any bad row; `result` holds the row-level errors."""

    def __init__(self, result: Result):
        super().__init__(
            "Nothing was imported: fix the rows with problems and upload the file again.", code="import_has_errors"
        )
        self.result = result


def _check_columns(dataset: tablib.Dataset) -> None:
    missing = REQUIRED_COLUMNS - set(dataset.headers or [])
    if missing:
        raise ValidationError(
            f"The file has no {', '.join(sorted(missing))} column. Start from the template.", code="missing_columns"
        )
    if not len(dataset):
        raise ValidationError("The file has no rows.", code="empty_file")


def registrations_import_preview(*, cohort: Cohort, dataset: tablib.Dataset, actor: User | None) -> Result:
    """Run the whole import and roll it back: the facilitator sees every row's outcome first."""
    _check_columns(dataset)
    return RegistrationResource(cohort=cohort, actor=actor).import_data(dataset, dry_run=True, use_transactions=True)


@transaction.atomic
def registrations_import(*, cohort: Cohort, dataset: tablib.Dataset, actor: User | None) -> Result:
    """Import every row or none: one bad row rolls back the lot (and the emails with it)."""
    _check_columns(dataset)
    result = RegistrationResource(cohort=cohort, actor=actor).import_data(
        dataset, dry_run=False, use_transactions=True, rollback_on_validation_errors=True
    )
    if result.has_errors() or result.has_validation_errors():
        raise ImportRejected(result)
    log(instance=cohort, action="events.registration.import", user=actor, data={"rows": result.totals["new"]})
    return result
