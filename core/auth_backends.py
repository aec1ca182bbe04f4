"""Each role's permissions read once per app process, not on every request (issue #8).

A person's roles are Django groups (core.roles). Django's `ModelBackend` reads the permissions of
a person's groups from the database on every request that checks one: every admin page, twice for
each listing's buttons. `RolePermissionsBackend` keeps the permissions of each set of roles per app process
for `ROLE_PERMISSIONS_CACHE_SECONDS`. The roles themselves are read afresh on every request
(`User.role_names`), so granting or taking away a role shows on the person's next page. What a
role may do changes only when the programme's set-up changes a group's permissions: in the process
that saves it at once, in the others this late. The platform gives permissions to roles only, but
Django also reads those given to one person directly, on every request: they are kept per person
the same way. Superusers' permissions are read as Django reads them.

It answers permission questions only: signing in stays with `ModelBackend` and allauth's backend,
listed after it, so the sessions they started stay valid and a wrong password is checked no more
often than before. They find the permissions this backend read already on the person.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed

from core.process_memory import ProcessMemory

_kept = ProcessMemory("ROLE_PERMISSIONS_CACHE_SECONDS", most=100)
_kept_direct = ProcessMemory("ROLE_PERMISSIONS_CACHE_SECONDS", most=5000)


def _permissions_of(group_names: frozenset[str]) -> set[str]:
    rows = Permission.objects.filter(group__name__in=group_names).values_list("content_type__app_label", "codename")
    return {f"{app_label}.{codename}" for app_label, codename in rows.order_by()}


def _read_as_django_reads(user_obj, obj) -> bool:
    """Inactive people, anonymous visitors, superusers and per-object questions: not kept."""
    return not user_obj.is_active or user_obj.is_anonymous or obj is not None or user_obj.is_superuser


class RolePermissionsBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        return None

    def get_user_permissions(self, user_obj, obj=None):
        if _read_as_django_reads(user_obj, obj):
            return super().get_user_permissions(user_obj, obj)
        return _kept_direct.get(user_obj.pk, lambda: super(RolePermissionsBackend, self).get_user_permissions(user_obj))

    def get_group_permissions(self, user_obj, obj=None):
        if _read_as_django_reads(user_obj, obj):
            return super().get_group_permissions(user_obj, obj)
        if not hasattr(user_obj, "_group_perm_cache"):
            roles = user_obj.role_names
            user_obj._group_perm_cache = _kept.get(roles, lambda: _permissions_of(roles)) if roles else set()
        return user_obj._group_perm_cache


def _forget_on_permissions_changed(sender, **kwargs) -> None:
    _kept.forget()
    _kept_direct.forget()


_kept.forget_on_change(Group, Permission)
_kept_direct.forget_on_change(Permission)
m2m_changed.connect(_forget_on_permissions_changed, sender=Group.permissions.through, weak=False)
m2m_changed.connect(_forget_on_permissions_changed, sender=get_user_model().user_permissions.through, weak=False)
