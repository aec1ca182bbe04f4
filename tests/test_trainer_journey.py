"""From application to an accredited trainer leading a cohort (issue #5), through the real pages and
services: apply, assessment by an assigned Lead Trainer, acceptance into the pool, T4T with its
pre-reading gate and observation, shadowing and co-training signed off by a Lead Trainer who is not
the mentor, accreditation, and a first lead delivery that needs an experienced co-trainer."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from freezegun import freeze_time

from core.roles import Role
from events.models import Cohort
from events.tests.conftest import courses, make_cohort  # noqa: F401 - events' fixtures
from trainers.models import Application, DeliveryAssignment, Stage, T4TPlace, TrainerProfile
from trainers.services.applications import application_assign_assessor
from trainers.services.deliveries import assignment_sign_off
from trainers.services.pathway import mentor_assign
from trainers.services.rostering import team_set
from trainers.services.t4t import t4t_complete, t4t_prereading_record
from trainers.tests.conftest import (  # noqa: F401 - the trainers app's fixtures
    criteria,
    delivered,
    experienced,
    make_trainer,
    media_root,
    programme_admin,
)
from trainers.tests.factories import cv_upload

Role_ = DeliveryAssignment.Role


def statements(specification):
    return {f"statement_{c.pk}": f"An example of {c.text}" for c in specification if c.applies_to == "trainer"}


def ratings(specification, value="met"):
    return {f"rating_{c.pk}": value for c in specification if c.applies_to == "trainer"}


def reflect_and_sign_off(client, assignment, signer, text):
    client.force_login(assignment.trainer)
    client.post(reverse("trainers:delivery", args=[assignment.pk]), {"reflection": "1", "reflection-reflection": text})
    assignment_sign_off(assignment=assignment, actor=signer)


@freeze_time("2027-01-11 10:00")
def test_from_application_to_leading_a_cohort(
    client,
    make_user,
    make_trainer,  # noqa: F811
    make_cohort,  # noqa: F811
    region,
    criteria,  # noqa: F811
    programme_admin,  # noqa: F811
    experienced,  # noqa: F811
):
    mentor, signer = make_trainer(Stage.LEAD), make_trainer(Stage.LEAD)
    applicant = make_user(Role.PARTICIPANT)

    # 1. Apply with a CV and a statement per criterion.
    client.force_login(applicant)
    client.post(
        reverse("trainers:apply"),
        {
            "region": region.pk,
            "background": "parent_carer",
            "training_experience": "experienced",
            "cv": cv_upload(),
            **statements(criteria),
        },
    )
    application = Application.objects.get(profile__person=applicant)
    profile = application.profile

    # 2. A Lead Trainer assigned by a programme admin assesses; the programme admin accepts.
    application_assign_assessor(application=application, assessor=signer, actor=programme_admin)
    client.force_login(signer)
    assert client.get(reverse("trainers:cv", args=[application.pk])).status_code == 200
    client.post(reverse("trainers:assess", args=[profile.pk]), {"source": "cv", **ratings(criteria)})
    client.force_login(programme_admin)
    client.post(reverse("trainer_applications:decide", args=[application.pk]), {"outcome": "accepted"})
    profile.refresh_from_db()
    assert profile.stage == Stage.IN_POOL
    mentor_assign(profile=profile, mentor=mentor, actor=programme_admin)

    # 3. T4T: the pre-reading first, then a place, an observation and completion.
    t4t = make_cohort(path="t4t", days=(20, 21), title="T4T, London")
    team_set(cohort=t4t, lead=mentor, co_trainers=[experienced], shadows=[], actor=programme_admin)
    client.force_login(applicant)
    client.post(reverse("trainers:book_t4t", args=[t4t.pk]))
    assert not T4TPlace.objects.exists()
    t4t_prereading_record(person=applicant, completed_on=profile.created_at.date(), actor=programme_admin)
    client.post(reverse("trainers:book_t4t", args=[t4t.pk]))
    place = T4TPlace.objects.get(profile=profile)

    shadowed_cohort = make_cohort(days=(40, 41), title="Camden, spring")
    co_trained_cohort = make_cohort(days=(60, 61), title="Croydon, spring")
    led_cohort = make_cohort(days=(90, 91), title="Lewisham, summer")

    with freeze_time("2027-02-01 10:00"):
        client.force_login(mentor)
        client.post(
            reverse("trainers:assess", args=[profile.pk]) + f"?cohort={t4t.pk}", {"source": "t4t", **ratings(criteria)}
        )
        t4t_complete(place=place, actor=mentor)
        team_set(cohort=shadowed_cohort, lead=experienced, co_trainers=[], shadows=[applicant], actor=None)

    # 4. Shadowing, reflected on and signed off by a Lead Trainer who is not the mentor.
    with freeze_time("2027-02-22 10:00"):
        shadowing = DeliveryAssignment.objects.get(cohort=shadowed_cohort, trainer=applicant)
        with pytest.raises(ValidationError):
            assignment_sign_off(assignment=shadowing, actor=mentor)
        reflect_and_sign_off(client, shadowing, signer, "I watched how the lead brought the parents' voice in.")
        profile.refresh_from_db()
        assert profile.stage == Stage.SHADOWED
        team_set(cohort=co_trained_cohort, lead=experienced, co_trainers=[applicant], shadows=[], actor=None)

    # 5. Co-training, signed off; a programme admin accredits.
    with freeze_time("2027-03-14 10:00"):
        co_training = DeliveryAssignment.objects.get(cohort=co_trained_cohort, trainer=applicant)
        reflect_and_sign_off(client, co_training, signer, "I took notes and summarised the key points.")
        client.force_login(programme_admin)
        client.post(reverse("trainer_profiles:accredit", args=[profile.pk]))
        profile.refresh_from_db()
        assert profile.stage == Stage.ACCREDITED

        # 6. A first lead delivery needs an experienced co-trainer.
        with pytest.raises(ValidationError) as refused:
            team_set(cohort=led_cohort, lead=applicant, co_trainers=[], shadows=[], actor=None)
        assert refused.value.error_list[0].code == "experienced_co_trainer_required"
        team_set(cohort=led_cohort, lead=applicant, co_trainers=[experienced], shadows=[], actor=None)

    assert led_cohort.delivery_assignments.get(role=Role_.LEAD).trainer == applicant
    assert applicant.has_role(Role.TRAINER)
    actions = list(TrainerProfile.objects.get(pk=profile.pk).steps.values_list("action", flat=True))
    assert actions == ["apply", "accept", "complete_t4t", "shadowed", "co_trained", "accredit"]
    assert led_cohort.status == Cohort.Status.RECRUITING
