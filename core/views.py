"""Each role's landing page. Later apps fill the panels; here they are real, if often empty."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render

from core import selectors
from core.roles import Role


@login_required
def dashboard(request):
    role = request.user.primary_role
    if role is None:
        return render(request, "core/dashboards/no_role.html")
    return redirect("dashboard_role", role_slug=role.slug)


@login_required
def role_dashboard(request, role_slug: str):
    try:
        role = Role.from_slug(role_slug)
    except ValueError:
        raise Http404 from None
    if not request.user.has_role(role):
        raise PermissionDenied
    context = {"role": role}
    if role is Role.PROGRAMME_ADMIN:
        context["people_per_role"] = selectors.people_per_role()
        context["regions"] = selectors.regions_with_counts()
    elif role is Role.REGIONAL_FACILITATOR:
        context["regions"] = selectors.facilitator_regions(request.user)
    return render(request, f"core/dashboards/{role.slug}.html", context)
