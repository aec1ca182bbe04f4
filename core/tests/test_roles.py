import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from core.models import User
from core.roles import Role
from core.services.roles import facilitator_regions_set, role_grant, role_revoke


def test_role_grant_adds_the_group_and_an_audit_entry(make_user):
    admin = make_user(Role.PROGRAMME_ADMIN)
    person = make_user()

    role_grant(user=person, role=Role.TRAINER, actor=admin)

    assert User.objects.get(pk=person.pk).has_role(Role.TRAINER)
    entry = ModelLogEntry.objects.filter(action="core.role.grant", object_id=str(person.pk)).get()
    assert entry.user == admin
    assert entry.data == {"role": "Trainer"}


def test_role_grant_twice_writes_one_entry(make_user):
    person = make_user()

    role_grant(user=person, role=Role.TRAINER, actor=None)
    role_grant(user=person, role=Role.TRAINER, actor=None)

    assert ModelLogEntry.objects.filter(action="core.role.grant", object_id=str(person.pk)).count() == 1


def test_revoking_the_facilitator_role_removes_its_regions(make_user, region):
    facilitator = make_user(Role.REGIONAL_FACILITATOR, regions=[region])

    role_revoke(user=facilitator, role=Role.REGIONAL_FACILITATOR, actor=None)

    facilitator = User.objects.get(pk=facilitator.pk)
    assert not facilitator.has_role(Role.REGIONAL_FACILITATOR)
    assert not facilitator.regions.exists()
    assert ModelLogEntry.objects.filter(action="core.role.revoke", object_id=str(facilitator.pk)).exists()


def test_only_facilitators_hold_regions(make_user, region):
    trainer = make_user(Role.TRAINER)

    with pytest.raises(ValidationError) as error:
        facilitator_regions_set(user=trainer, regions=[region], actor=None)

    assert error.value.code == "not_facilitator"
    assert not trainer.regions.exists()
    assert not ModelLogEntry.objects.filter(action="core.regions.set").exists()


def test_a_facilitator_needs_at_least_one_region(make_user, region):
    facilitator = make_user(Role.REGIONAL_FACILITATOR, regions=[region])

    with pytest.raises(ValidationError) as error:
        facilitator_regions_set(user=facilitator, regions=[], actor=None)

    assert error.value.code == "no_regions"
    assert list(facilitator.regions.all()) == [region]


def test_facilitator_regions_are_audited(make_user, region, other_region):
    admin = make_user(Role.PROGRAMME_ADMIN)
    facilitator = make_user(Role.REGIONAL_FACILITATOR, regions=[region])

    facilitator_regions_set(user=facilitator, regions=[region, other_region], actor=admin)

    assert set(facilitator.regions.all()) == {region, other_region}
    entry = ModelLogEntry.objects.filter(action="core.regions.set").latest("timestamp")
    assert entry.user == admin
    assert entry.data == {"regions": ["E12000001", "E12000007"]}


def test_primary_role_is_the_most_senior(make_user):
    person = make_user(Role.PARTICIPANT)
    role_grant(user=person, role=Role.TRAINER, actor=None)

    assert User.objects.get(pk=person.pk).primary_role is Role.TRAINER


def test_emails_are_unique_whatever_their_case(make_user):
    from django.db import IntegrityError, transaction

    make_user(email="Sam@Example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("sam@example.org", "x")


def test_with_role_finds_exactly_the_people_holding_it(make_user):
    facilitator, trainer, nobody = make_user(Role.REGIONAL_FACILITATOR), make_user(Role.TRAINER), make_user()

    assert list(User.objects.with_role(Role.REGIONAL_FACILITATOR)) == [facilitator]
    assert trainer not in User.objects.with_role(Role.REGIONAL_FACILITATOR)
    assert nobody not in User.objects.with_role(Role.TRAINER)


def test_with_role_finds_no_one_when_the_role_has_no_group_yet(make_user):
    """Never the people with no role at all, which a filter on a missing group's id would give."""
    from django.contrib.auth.models import Group

    make_user()
    Group.objects.filter(name=Role.TRAINER.value).delete()

    assert not User.objects.with_role(Role.TRAINER).exists()
