"""What the platform holds about a person, for export and erasure (DOMAIN.md §9, issue #7).

Each app lists its models that hold personal data in a `personal_data` list on its AppConfig
(`PersonalData(...)`). A test fails when a model in our apps points at a person and is not listed,
so a new model can never be forgotten by the export or the erasure.
"""

from core.privacy.registry import PersonalData, personal_data_registry

__all__ = ["PersonalData", "personal_data_registry"]
