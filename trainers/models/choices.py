"""The words of the trainer pathway (DOMAIN.md §6), shared by models, services, forms and imports."""

from django.db import models


class Stage(models.TextChoices):
    """How far a person has come on the pathway (000:L1930–2065, L410–416, L3854–3863).

    The order of `PATHWAY` is the order of the steps; `DECLINED` is off the path. Only
    `trainers.services.pathway` changes a profile's stage, through `trainers.pathway.TRANSITIONS`.
    """

    APPLICANT = "applicant", "Applicant"
    IN_POOL = "in_pool", "In the pool of potential trainers"
    T4T_COMPLETED = "t4t_completed", "Completed Training for Trainers"
    SHADOWED = "shadowed", "Shadowing signed off"
    CO_TRAINED = "co_trained", "Co-training signed off"
    ACCREDITED = "accredited", "Accredited trainer"
    LEAD = "lead", "Lead Trainer"
    DECLINED = "declined", "Application declined"


#: The steps in order; a stage "reaches" every stage before it.
PATHWAY = [
    Stage.APPLICANT,
    Stage.IN_POOL,
    Stage.T4T_COMPLETED,
    Stage.SHADOWED,
    Stage.CO_TRAINED,
    Stage.ACCREDITED,
    Stage.LEAD,
]


def stage_reaches(stage: str, target: str) -> bool:
    """Whether `stage` is `target` or further along the pathway (a declined applicant reaches nothing)."""
    return stage in PATHWAY and PATHWAY.index(stage) >= PATHWAY.index(target)


class Standing(models.TextChoices):
    """Whether a trainer may take part at all: accreditation can be suspended or withdrawn with a reason."""

    ACTIVE = "active", "Active"
    SUSPENDED = "suspended", "Suspended"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Background(models.TextChoices):
    """Parent carers and young people train as trainers too, on the same path (000:L588–594, L2245–2251).

    One person can be both a practitioner and a parent carer (000:L758–762).
    """

    PROFESSIONAL = "professional", "Practitioner or professional trainer"
    PARENT_CARER = "parent_carer", "Parent carer"
    BOTH = "both", "Both a parent carer and a practitioner"
    YOUNG_PERSON = "young_person", "Young person"


#: Trainers who bring the family's point of view; T4T groups spread them evenly (000:L3500–3514).
FAMILY_SIDE = frozenset({Background.PARENT_CARER, Background.BOTH, Background.YOUNG_PERSON})


class TrainingExperience(models.TextChoices):
    """The three kinds of candidate at T4T (000:L3500–3504), ordered from least to most experienced."""

    NEW = "new", "New to delivering training"
    EXPERIENCED = "experienced", "An experienced trainer, new to Early Support"
    EARLY_SUPPORT = "early_support", "Has delivered Early Support training before"


EXPERIENCE_WEIGHT = {TrainingExperience.NEW: 0, TrainingExperience.EXPERIENCED: 1, TrainingExperience.EARLY_SUPPORT: 2}
