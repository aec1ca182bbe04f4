"""What a person may do is read fresh on every request, never kept by an app process (issue #19
point 5, issue #20): a permission taken from a role in another process stops at once."""

from django.contrib.auth.models import Group, Permission

from core.models import User
from core.roles import Role

DELETE_USER = "core.delete_user"


def _fresh(person: User) -> User:
    """The person as the next request loads them."""
    return User.objects.get(pk=person.pk)


def _delete_user() -> Permission:
    return Permission.objects.get(content_type__app_label="core", codename="delete_user")


def test_a_permission_given_to_a_role_elsewhere_shows_on_the_next_request(make_user):
    person = make_user(Role.REGIONAL_FACILITATOR)
    group = Group.objects.get(name=Role.REGIONAL_FACILITATOR.value)
    assert not _fresh(person).has_perm(DELETE_USER)

    # As another process would: no signal reaches this one.
    Group.permissions.through.objects.bulk_create([Group.permissions.through(group=group, permission=_delete_user())])

    assert _fresh(person).has_perm(DELETE_USER)


def test_a_permission_taken_from_a_role_elsewhere_stops_on_the_next_request(make_user):
    person = make_user(Role.PROGRAMME_ADMIN)
    group = Group.objects.get(name=Role.PROGRAMME_ADMIN.value)
    assert _fresh(person).has_perm(DELETE_USER)

    Group.permissions.through.objects.filter(group=group, permission=_delete_user()).delete()

    assert not _fresh(person).has_perm(DELETE_USER)


def test_a_permission_taken_from_one_person_elsewhere_stops_on_the_next_request(make_user):
    person = make_user(Role.PARTICIPANT)
    User.user_permissions.through.objects.create(user=person, permission=_delete_user())
    assert _fresh(person).has_perm(DELETE_USER)

    User.user_permissions.through.objects.filter(user=person).delete()

    assert not _fresh(person).has_perm(DELETE_USER)
