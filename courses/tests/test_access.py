"""The one rule for trainer material (courses.access), for every role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from core.models import User
from core.roles import Role
from core.services.roles import role_grant
from courses.access import can_see_trainer_material


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.PROGRAMME_ADMIN, True),
        (Role.REGIONAL_FACILITATOR, True),
        (Role.TRAINER, True),
        (Role.PARTICIPANT, False),
        (None, False),
    ],
)
def test_trainer_material_is_for_trainers_and_staff_only(make_user, role, allowed):
    assert can_see_trainer_material(make_user(role)) is allowed


def test_anonymous_visitors_never_see_trainer_material():
    assert can_see_trainer_material(AnonymousUser()) is False


def test_superusers_see_trainer_material(db):
    assert can_see_trainer_material(User.objects.create_superuser("root@example.org", "x" * 12)) is True


def test_a_participant_who_becomes_a_trainer_sees_it(make_user):
    person = make_user(Role.PARTICIPANT)
    assert not can_see_trainer_material(person)

    role_grant(user=person, role=Role.TRAINER, actor=None)

    assert can_see_trainer_material(person)
