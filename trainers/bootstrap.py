"""Demo trainers for `manage.py bootstrap` (not with --no-demo): one at each step of the pathway.

The demo trainer (trainer@example.org, from core's demo people) is a Lead Trainer and mentor; others
are accredited, shadowed, T4T completed, in the pool (a parent carer) and applying. They are recorded
through `trainer_record_existing`, as an import would; the applicant's application is written
directly, because demo people have no one to email. Safe to run again: existing records stay.
"""

from django.core.files.base import ContentFile
from django.db.models import Q

from core.models import Region, User
from courses.models import PersonSpecificationCriterion
from trainers.models import Application, Background, CriterionStatement, Stage, TrainerProfile, TrainingExperience
from trainers.services.pathway import record_step, trainer_record_existing

LONDON, SOUTH_EAST = "E12000007", "E12000008"

# email, first name, last name, region, background, experience, stage, mentor's email
DEMO_TRAINERS = [
    ("trainer@example.org", "Grace", "Okafor", LONDON, Background.PROFESSIONAL, "early_support", Stage.LEAD, ""),
    ("fay.green@example.org", "Fay", "Green", SOUTH_EAST, Background.BOTH, "early_support", Stage.LEAD, ""),
    (
        "evan.reid@example.org",
        "Evan",
        "Reid",
        LONDON,
        Background.PROFESSIONAL,
        "experienced",
        Stage.ACCREDITED,
        "fay.green@example.org",
    ),
    (
        "dina.patel@example.org",
        "Dina",
        "Patel",
        LONDON,
        Background.PARENT_CARER,
        "new",
        Stage.SHADOWED,
        "trainer@example.org",
    ),
    (
        "carl.jones@example.org",
        "Carl",
        "Jones",
        SOUTH_EAST,
        Background.PROFESSIONAL,
        "experienced",
        Stage.T4T_COMPLETED,
        "trainer@example.org",
    ),
    ("bea.morris@example.org", "Bea", "Morris", LONDON, Background.PARENT_CARER, "new", Stage.IN_POOL, ""),
]
APPLICANT = ("ali.hassan@example.org", "Ali", "Hassan", LONDON)


def _person(email: str, first_name: str, last_name: str) -> User:
    return User.objects.filter(email=email).first() or User.objects.create_user(
        email, None, first_name=first_name, last_name=last_name
    )


def _demo_applicant(regions: dict[str, Region]) -> bool:
    email, first_name, last_name, region_code = APPLICANT
    person = _person(email, first_name, last_name)
    if TrainerProfile.objects.filter(person=person).exists():
        return False
    profile = TrainerProfile.objects.create(
        person=person,
        region=regions[region_code],
        background=Background.YOUNG_PERSON,
        training_experience=TrainingExperience.NEW,
    )
    record_step(profile, action="apply", actor=None)
    application = Application(profile=profile)
    application.cv.save("demo-cv.txt", ContentFile(b"Demo CV: youth worker and peer trainer, Camden.\n"), save=False)
    application.save()
    criteria = PersonSpecificationCriterion.objects.filter(
        applies_to=PersonSpecificationCriterion.AppliesTo.ALL_TRAINERS
    )
    CriterionStatement.objects.bulk_create(
        CriterionStatement(
            application=application,
            criterion=criterion,
            criterion_wording=criterion.text,
            statement="Demo statement: an example of how I meet this criterion.",
        )
        for criterion in criteria
    )
    return True


def ensure_demo_trainers(out) -> None:
    regions = {region.code: region for region in Region.objects.filter(Q(code=LONDON) | Q(code=SOUTH_EAST))}
    if len(regions) < 2:
        out.notice("No demo trainers: the regions are missing.")
        return
    created = 0
    for email, first_name, last_name, region_code, background, experience, stage, mentor in DEMO_TRAINERS:
        person = _person(email, first_name, last_name)
        if TrainerProfile.objects.filter(person=person).exists():
            continue
        trainer_record_existing(
            person=person,
            region=regions[region_code],
            stage=stage,
            actor=None,
            mentor=User.objects.filter(email=mentor).first() if mentor else None,
            note="Demo trainer",
            background=background,
            training_experience=experience,
        )
        created += 1
    created += _demo_applicant(regions)
    out.step(f"demo trainers ({created} new)")
