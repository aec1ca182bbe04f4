"""Erasure: CVs and statements go, reflections and notes are blanked, delivery history stays (DOMAIN.md §9)."""

import os

from core.privacy.services import person_erase, personal_data_export
from trainers.models import Application, CriterionStatement, DeliveryAssignment, Stage, TrainerProfile
from trainers.tests.factories import ApplicationFactory, AssignmentFactory


def test_erasing_a_trainer_keeps_who_delivered_what_but_not_their_words(
    make_trainer, make_cohort, programme_admin, criteria, django_capture_on_commit_callbacks
):
    trainer = make_trainer(Stage.SHADOWED)
    profile = TrainerProfile.objects.get(person=trainer)
    application = ApplicationFactory(profile=profile)
    CriterionStatement.objects.create(
        application=application, criterion=criteria[0], criterion_wording="c", statement="My family"
    )
    cv_path = application.cv.path
    assignment = AssignmentFactory(
        cohort=make_cohort(days=(-9, -8)), trainer=trainer, role="shadow", reflection="Private thoughts"
    )
    assert personal_data_export(person=trainer)["Courses you delivered"][0]["reflection"] == "Private thoughts"

    with django_capture_on_commit_callbacks(execute=True):
        person_erase(person=trainer, actor=programme_admin, reason="Asked in writing")

    assert not Application.objects.exists() and not CriterionStatement.objects.exists()
    assert DeliveryAssignment.objects.get(pk=assignment.pk).reflection == ""
    assert TrainerProfile.objects.get(pk=profile.pk).stage == Stage.SHADOWED
    assert not os.path.exists(cv_path)
