"""The register of models holding personal data, gathered from every AppConfig."""

from dataclasses import dataclass, field
from typing import Any, Literal

from django.apps import apps
from django.db import models


@dataclass(frozen=True)
class PersonalData:
    """One model holding data about a person.

    `owner` is the lookup from the model to the person (e.g. "participant" or "registration__participant").
    On erasure the rows are deleted, anonymised (`anonymise` gives each field's replacement), or kept
    as they are (`keep`: rows that only record that the now-anonymous person did something, such as a
    trainer's deliveries, which aggregate counts and other people's histories depend on).
    `list_choices` names the choices of a field that stores a list of codes (a JSONField), so
    `/my-data/` shows their wording.
    """

    model: str
    owner: str
    label: str
    erase: Literal["delete", "anonymise", "keep"]
    anonymise: dict[str, Any] = field(default_factory=dict)
    exclude_from_export: tuple[str, ...] = ()
    list_choices: dict[str, type[models.Choices]] = field(default_factory=dict)

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    def rows_of(self, person) -> models.QuerySet:
        return self.model_class._default_manager.filter(**{self.owner: person}).order_by("pk")


def personal_data_registry() -> list[PersonalData]:
    entries = []
    for config in apps.get_app_configs():
        entries.extend(getattr(config, "personal_data", []))
    return entries
