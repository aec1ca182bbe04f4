"""Importing existing trainers from a spreadsheet: preview first, then every row or none (issue #5 point 8)."""

import tablib
from django.core.exceptions import ValidationError
from django.db import transaction
from import_export.results import Result

from core.models import User
from events.services.imports import ImportRejected
from trainers.resources import TrainerResource

REQUIRED_COLUMNS = {"email", "region", "stage"}


def _check_columns(dataset: tablib.Dataset) -> None:
    missing = REQUIRED_COLUMNS - set(dataset.headers or [])
    if missing:
        raise ValidationError(
            f"The file has no {', '.join(sorted(missing))} column. Start from the template.", code="missing_columns"
        )
    if not len(dataset):
        raise ValidationError("The file has no rows.", code="empty_file")


def trainers_import_preview(*, dataset: tablib.Dataset, actor: User | None) -> Result:
    """Run the whole import and roll it back, so every row's outcome shows before anything is saved."""
    _check_columns(dataset)
    return TrainerResource(actor=actor).import_data(dataset, dry_run=True, use_transactions=True)


@transaction.atomic
def trainers_import(*, dataset: tablib.Dataset, actor: User | None) -> Result:
    """One bad row rolls back the lot (`ImportRejected` carries the row errors). Each trainer gets the
    audit entry `trainers.pathway.import` from `trainer_record_existing`."""
    _check_columns(dataset)
    result = TrainerResource(actor=actor).import_data(
        dataset, dry_run=False, use_transactions=True, rollback_on_validation_errors=True
    )
    if result.has_errors() or result.has_validation_errors():
        raise ImportRejected(result)
    return result
