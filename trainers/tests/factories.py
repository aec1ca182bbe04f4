"""Factories for trainer records (set-up only: tests of the rules go through the services)."""

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from factory.django import DjangoModelFactory

from courses.models import PersonSpecificationCriterion
from events.tests.factories import RegionFactory
from trainers.models import Application, Background, DeliveryAssignment, Stage, TrainerProfile, TrainingExperience


def cv_upload(name: str = "my-cv.pdf", content: bytes = b"%PDF-1.4 my working life") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


class CriterionFactory(DjangoModelFactory):
    applies_to = PersonSpecificationCriterion.AppliesTo.ALL_TRAINERS
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Criterion {n}")

    class Meta:
        model = PersonSpecificationCriterion


class TrainerProfileFactory(DjangoModelFactory):
    """Pass `person`; the stage is set directly, as if the history had already happened."""

    region = factory.SubFactory(RegionFactory)
    background = Background.PROFESSIONAL
    training_experience = TrainingExperience.EXPERIENCED
    stage = Stage.IN_POOL

    class Meta:
        model = TrainerProfile


class ApplicationFactory(DjangoModelFactory):
    cv = factory.django.FileField(filename="cv.pdf", data=b"%PDF-1.4 a CV")

    class Meta:
        model = Application


class AssignmentFactory(DjangoModelFactory):
    role = DeliveryAssignment.Role.LEAD

    class Meta:
        model = DeliveryAssignment
