"""Each role's landing page. Later apps fill the panels; here they are real, if often empty."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from core import selectors
from core.forms import ConsentForm, PreferencesForm, posted
from core.models import ConsentDecision, ConsentPurpose, Notification
from core.privacy.readable import personal_data_readable
from core.privacy.services import personal_data_export_json
from core.roles import Role
from core.services.consent import consent_record, current_wording


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
        # A count over every account, the same for every programme admin: reused for a few minutes.
        context["people_per_role"] = cache.get_or_set(
            "core:people-per-role", selectors.people_per_role, settings.CORE_DASHBOARD_COUNTS_CACHE_SECONDS
        )
        context["regions"] = selectors.regions_with_counts()
    elif role is Role.REGIONAL_FACILITATOR:
        context["regions"] = selectors.facilitator_regions(request.user)
    return render(request, f"core/dashboards/{role.slug}.html", context)


@login_required
def notifications(request):
    """Every message sent to this person, so nothing is lost in a spam folder."""
    page = Paginator(Notification.objects.for_user(request.user).exclude(status=Notification.Status.SKIPPED), 20)
    return render(request, "core/notifications.html", {"page": page.get_page(request.GET.get("page"))})


@login_required
def preferences(request):
    form = PreferencesForm(posted(request), instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your preferences are saved.")
        return redirect("preferences")
    return render(request, "core/preferences.html", {"form": form})


@login_required
def my_data(request):
    """Everything held about the signed-in person: readable here, or as a JSON file to keep."""
    if request.GET.get("format") == "json":
        response = HttpResponse(personal_data_export_json(person=request.user), content_type="application/json")
        response["Content-Disposition"] = 'attachment; filename="my-early-support-training-data.json"'
        return response
    context = {"sections": personal_data_readable(person=request.user), "contact": settings.PROGRAMME_CONTACT_EMAIL}
    return render(request, "core/my_data.html", context)


@login_required
def consent(request):
    """Choose, and change at any time, what the programme may do with your words and pictures."""
    wordings = {purpose: current_wording(purpose) for purpose in ConsentPurpose}
    current = ConsentDecision.objects.current_for(request.user)
    form = ConsentForm(posted(request), wordings=wordings, current=current)
    if request.method == "POST" and form.is_valid():
        for purpose in ConsentPurpose:
            answer = form.cleaned_data[purpose.value]
            if answer:
                consent_record(person=request.user, purpose=purpose, given=answer == "yes")
        messages.success(request, "Your choices are saved. You can change them at any time.")
        return redirect("consent")
    rows = [(form[purpose.value], current.get(purpose.value)) for purpose in ConsentPurpose]
    return render(request, "core/consent.html", {"form": form, "rows": rows})
