"""Importing existing trainers: a dry run shows each row's problems; then every row or none (issue #5 point 8)."""

import pytest
import tablib
from django.core.exceptions import ValidationError

from core.models import User
from core.roles import Role
from events.services.imports import ImportRejected
from trainers.models import PathwayStep, Stage, TrainerProfile
from trainers.services.imports import trainers_import, trainers_import_preview

HEADERS = [
    "email",
    "first_name",
    "last_name",
    "region",
    "background",
    "training_experience",
    "stage",
    "stage_reached_on",
    "mentor_email",
]


def dataset(*rows) -> tablib.Dataset:
    data = tablib.Dataset(headers=HEADERS)
    for row in rows:
        data.append([row.get(name, "") for name in HEADERS])
    return data


def row(**values):
    return {
        "email": "asha.patel@example.org",
        "first_name": "Asha",
        "last_name": "Patel",
        "region": "London",
        "background": "Parent carer",
        "training_experience": "new",
        "stage": "accredited",
        "stage_reached_on": "14/03/2015",
        **values,
    }


def test_existing_trainers_are_recorded_where_they_stand(region, lead_trainer, programme_admin, audit):
    result = trainers_import(
        dataset=dataset(
            row(mentor_email=lead_trainer.email), row(email="ben@example.org", stage="Lead Trainer", region="E12000007")
        ),
        actor=programme_admin,
    )

    assert result.totals["new"] == 2
    asha = TrainerProfile.objects.get(person__email="asha.patel@example.org")
    assert (asha.stage, asha.background, asha.mentor) == (Stage.ACCREDITED, "parent_carer", lead_trainer)
    assert str(asha.steps.get().happened_at.date()) == "2015-03-14"
    assert asha.person.has_role(Role.TRAINER)
    assert audit(asha) == ["trainers.pathway.import"]
    assert TrainerProfile.objects.get(person__email="ben@example.org").stage == Stage.LEAD


def test_the_preview_shows_every_rows_problems_and_keeps_nothing(region, make_trainer, programme_admin):
    trainer = make_trainer(Stage.ACCREDITED)
    result = trainers_import_preview(
        dataset=dataset(
            row(region="Atlantis"),
            row(email="c@example.org", stage="declined"),
            row(email="d@example.org", mentor_email=trainer.email),
            row(email=trainer.email),
            row(email="e@example.org", stage_reached_on="03/14/2015"),
            row(email="e@example.org"),
        ),
        actor=programme_admin,
    )

    problems = {invalid.number: invalid.error_dict for invalid in result.invalid_rows}
    problems.update({number: {"row": errors} for number, errors in result.row_errors()})
    assert set(problems) == {1, 2, 3, 4, 5, 6}
    assert "Unknown region" in str(problems[1])
    assert "declined" in str(problems[2])
    assert "not a Lead Trainer" in str(problems[3])
    assert "already has a trainer record" in str(problems[4])
    assert "is not a date" in str(problems[5])
    assert "twice" in str(problems[6])
    assert TrainerProfile.objects.count() == 1
    assert not User.objects.filter(email="asha.patel@example.org").exists()


def test_one_bad_row_and_nothing_is_imported(region, programme_admin):
    with pytest.raises(ImportRejected):
        trainers_import(dataset=dataset(row(), row(email="x@example.org", stage="astronaut")), actor=programme_admin)

    assert not TrainerProfile.objects.exists() and not PathwayStep.objects.exists()


def test_the_file_needs_the_columns_and_rows(programme_admin):
    with pytest.raises(ValidationError) as refused:
        trainers_import_preview(dataset=tablib.Dataset(headers=["email"]), actor=programme_admin)
    assert refused.value.code == "missing_columns"
    with pytest.raises(ValidationError) as refused:
        trainers_import_preview(dataset=dataset(), actor=programme_admin)
    assert refused.value.code == "empty_file"
