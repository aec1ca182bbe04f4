"""People at each step of the pathway, the person specification, cohorts past and to come."""

import pytest
from wagtail.models import ModelLogEntry, Site

from core.roles import Role
from events.models import Cohort
from events.tests.conftest import courses, make_cohort  # noqa: F401 - events' fixtures, shared
from trainers.models import DeliveryAssignment, Stage, TrainerSettings
from trainers.tests.factories import AssignmentFactory, CriterionFactory, TrainerProfileFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """CVs go to a fresh folder for each test."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def criteria(db):
    """Three trainer criteria and the two Lead ones, each saved with a revision as the admin would."""
    made = [CriterionFactory(text=f"Trainer criterion {n}") for n in (1, 2, 3)]
    made += [CriterionFactory(text=f"Lead criterion {n}", applies_to="lead") for n in (1, 2)]
    for criterion in made:
        criterion.save_revision()
    return made


@pytest.fixture
def make_trainer(make_user, region):
    """make_trainer(stage, mentor=..., region=..., **profile fields) -> a person with the Trainer role."""

    def make(stage=Stage.IN_POOL, *, region=region, **fields):
        person = make_user(Role.TRAINER)
        TrainerProfileFactory(person=person, region=region, stage=stage, **fields)
        return person

    return make


@pytest.fixture
def lead_trainer(make_trainer):
    return make_trainer(Stage.LEAD)


@pytest.fixture
def programme_admin(make_user):
    return make_user(Role.PROGRAMME_ADMIN, mfa=True)


@pytest.fixture
def facilitator(make_user, region):
    return make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])


@pytest.fixture
def delivered(make_cohort):  # noqa: F811
    """delivered(person, role="lead") -> a cohort that ran two months ago with `person` in `role`."""

    def make(person, role=DeliveryAssignment.Role.LEAD, **fields):
        cohort = make_cohort(days=(-60, -59), status=Cohort.Status.DELIVERED, **fields)
        return AssignmentFactory(cohort=cohort, trainer=person, role=role)

    return make


@pytest.fixture
def experienced(make_trainer, delivered):
    """An accredited trainer who has led a cohort: the co-trainer a first lead delivery needs."""
    person = make_trainer(Stage.ACCREDITED)
    delivered(person)
    return person


@pytest.fixture
def set_pathway(db):
    """set_pathway(shadowings_required=2, ...): what a programme admin saves in Settings → Trainer pathway."""

    def save(**values):
        settings = TrainerSettings.for_site(Site.objects.get(is_default_site=True))
        for name, value in values.items():
            setattr(settings, name, value)
        settings.full_clean()
        settings.save()

    return save


@pytest.fixture
def audit(db):
    """audit(instance) -> the trainers audit actions written about `instance`, oldest first."""

    def actions(instance) -> list[str]:
        return list(
            ModelLogEntry.objects.filter(
                content_type__model=instance._meta.model_name,
                object_id=str(instance.pk),
                action__startswith="trainers.",
            )
            .order_by("timestamp", "pk")
            .values_list("action", flat=True)
        )

    return actions
