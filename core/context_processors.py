from core.roles import ADMIN_ROLES, Role


def navigation(request):
    """Links for the header: a person's own dashboards, and the admin for staff roles.

    The Admin link follows the roles (`ADMIN_ROLES`, the roles bootstrap grants admin access to), so
    drawing the header reads no permissions (issue #8); /admin/ itself still checks the permission."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"role_links": []}
    return {
        "role_links": [role for role in Role if user.has_role(role)],
        "can_use_admin": user.is_superuser or any(user.has_role(role) for role in ADMIN_ROLES),
    }
