from core.roles import Role


def navigation(request):
    """Links for the header: a person's own dashboards, and the admin for staff roles."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"role_links": []}
    return {
        "role_links": [role for role in Role if user.has_role(role)],
        "can_use_admin": user.has_perm("wagtailadmin.access_admin"),
    }
