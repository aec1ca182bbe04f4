"""Each role's permissions are read once per app process; a person's roles are read on every request
(core.auth_backends, issue #8)."""

import time

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.auth_backends import RolePermissionsBackend
from core.models import User
from core.roles import Role
from core.services.roles import role_grant, role_revoke
from core.tests.factories import PASSWORD

DELETE_USER = "core.delete_user"


def _fresh(person: User) -> User:
    """The person as the next request loads them."""
    return User.objects.get(pk=person.pk)


def _group_permission_reads(queries) -> int:
    return sum("auth_group_permissions" in query["sql"] for query in queries.captured_queries)


@pytest.mark.parametrize(
    "roles",
    [
        [Role.PARTICIPANT],
        [Role.TRAINER],
        [Role.REGIONAL_FACILITATOR],
        [Role.PROGRAMME_ADMIN],
        [Role.REGIONAL_FACILITATOR, Role.TRAINER],
    ],
)
def test_a_person_has_the_permissions_django_would_read_for_their_roles(make_user, roles):
    person = make_user(roles[0])
    for role in roles[1:]:
        role_grant(user=person, role=role, actor=None)

    kept = _fresh(person).get_all_permissions()

    assert kept == ModelBackend().get_all_permissions(_fresh(person))


def test_a_roles_permissions_are_read_once_for_everyone_who_holds_it(make_user):
    first, second = make_user(Role.PROGRAMME_ADMIN), make_user(Role.PROGRAMME_ADMIN)
    assert _fresh(first).has_perm(DELETE_USER)

    with CaptureQueriesContext(connection) as queries:
        assert _fresh(second).has_perm(DELETE_USER)

    assert _group_permission_reads(queries) == 0


def test_a_role_granted_or_taken_away_shows_on_the_next_request(make_user):
    person = make_user(Role.REGIONAL_FACILITATOR)
    assert not _fresh(person).has_perm(DELETE_USER)

    role_grant(user=person, role=Role.PROGRAMME_ADMIN, actor=None)
    assert _fresh(person).has_perm(DELETE_USER)

    role_revoke(user=person, role=Role.PROGRAMME_ADMIN, actor=None)
    assert not _fresh(person).has_perm(DELETE_USER)


def _delete_user() -> Permission:
    return Permission.objects.get(content_type__app_label="core", codename="delete_user")


def test_a_roles_permission_changed_here_shows_at_once(make_user):
    person = make_user(Role.REGIONAL_FACILITATOR)
    group = Group.objects.get(name=Role.REGIONAL_FACILITATOR.value)
    assert not _fresh(person).has_perm(DELETE_USER)

    group.permissions.add(_delete_user())
    assert _fresh(person).has_perm(DELETE_USER)

    group.permissions.remove(_delete_user())
    assert not _fresh(person).has_perm(DELETE_USER)


def test_a_roles_permission_changed_by_another_process_shows_after_the_timeout(make_user, settings):
    settings.ROLE_PERMISSIONS_CACHE_SECONDS = 0.2
    person = make_user(Role.REGIONAL_FACILITATOR)
    group = Group.objects.get(name=Role.REGIONAL_FACILITATOR.value)
    assert not _fresh(person).has_perm(DELETE_USER)

    Group.permissions.through.objects.bulk_create([Group.permissions.through(group=group, permission=_delete_user())])
    assert not _fresh(person).has_perm(DELETE_USER)  # no signal reaches this process
    time.sleep(0.25)

    assert _fresh(person).has_perm(DELETE_USER)


def test_it_signs_nobody_in(make_user):
    person = make_user(Role.PARTICIPANT)

    assert RolePermissionsBackend().authenticate(None, username=person.email, password=PASSWORD) is None
    assert ModelBackend().authenticate(None, username=person.email, password=PASSWORD) == person


def test_a_permission_given_to_one_person_shows_here_at_once_and_from_elsewhere_after_the_timeout(make_user, settings):
    settings.ROLE_PERMISSIONS_CACHE_SECONDS = 0.2
    person, colleague = make_user(Role.REGIONAL_FACILITATOR), make_user(Role.REGIONAL_FACILITATOR)
    assert not _fresh(person).has_perm(DELETE_USER)

    person.user_permissions.add(_delete_user())
    assert _fresh(person).has_perm(DELETE_USER)
    assert not _fresh(colleague).has_perm(DELETE_USER)

    User.user_permissions.through.objects.bulk_create(
        [User.user_permissions.through(user=colleague, permission=_delete_user())]
    )
    assert not _fresh(colleague).has_perm(DELETE_USER)  # no signal reaches this process
    time.sleep(0.25)
    assert _fresh(colleague).has_perm(DELETE_USER)


def test_direct_permissions_are_read_once_per_person(make_user):
    person = make_user(Role.PROGRAMME_ADMIN)
    assert _fresh(person).has_perm(DELETE_USER)

    with CaptureQueriesContext(connection) as queries:
        assert _fresh(person).has_perm(DELETE_USER)

    assert not [query for query in queries.captured_queries if "auth_permission" in query["sql"]]
