from core.roles import ADMIN_ROLES, Role


def navigation(request):
    """Links for the header: a person's own dashboards, and the admin for staff roles.

    The Admin link follows the roles (`ADMIN_ROLES`, the roles bootstrap grants admin access to), so
    drawing the header reads no permissions (issue #8); /admin/ itself still checks the permission."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"role_links": [], "return_to": return_to(request)}
    return {
        "role_links": [role for role in Role if user.has_role(role)],
        "can_use_admin": user.is_superuser or any(user.has_role(role) for role in ADMIN_ROLES),
    }


def return_to(request) -> str:
    """Where "Sign in" and "Create an account" send someone back to (issue #23.2): the `next` they
    came with, else the page they are on (not the account pages themselves). allauth checks the
    address is ours before it redirects, and keeps it through email confirmation in the same session."""
    if request.GET.get("next"):
        return request.GET["next"]
    return "" if request.path == "/" or request.path.startswith("/accounts/") else request.get_full_path()
