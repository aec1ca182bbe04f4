"""Finding a cohort and registering (issue #4 point 2).

Publicity says plainly that parent carers are welcome (000:L4023–4030).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from core.models import Region
from courses.models import SectionPage
from events.calendars import cohort_calendar
from events.forms.public import RegistrationForm
from events.models import Cohort, Registration
from events.rules import current_rules
from events.selectors.cohorts import open_cohorts
from events.selectors.day1 import has_done_day1
from events.services.registrations import registration_create


def cohort_list(request):
    region_code = request.GET.get("region", "")
    today = timezone.localdate()
    return render(
        request,
        "events/cohort_list.html",
        {
            "cohorts": open_cohorts(today=today, region_code=region_code),
            "regions": Region.objects.all(),
            "region_code": region_code,
            "rules": current_rules(),
        },
    )


def _open_cohort(pk: int) -> Cohort:
    cohort = open_cohorts(today=timezone.localdate()).filter(pk=pk).first()
    if cohort is None:
        raise Http404
    return cohort


def cohort_detail(request, pk: int):
    cohort = _open_cohort(pk)
    courses = list({session.course_id: session.course for session in cohort.ordered_sessions}.values())
    children = Q(pk__in=[])
    for course in courses:
        children |= Q(path__startswith=course.path, depth=course.depth + 1)
    sections = list(SectionPage.objects.live().filter(children).order_by("path"))
    structure = [
        (course, [section for section in sections if section.path.startswith(course.path)]) for course in courses
    ]
    registration = None
    if request.user.is_authenticated:
        registration = Registration.objects.filter(
            cohort=cohort, person=request.user, status__in=Registration.ACTIVE_STATUSES
        ).first()
    return render(
        request,
        "events/cohort_detail.html",
        {"cohort": cohort, "structure": structure, "registration": registration, "rules": current_rules()},
    )


@login_required
def register(request, pk: int):
    """Signed-in people only: anyone else is sent to sign in (or create an account) and comes back here."""
    cohort = _open_cohort(pk)
    if Registration.objects.filter(
        cohort=cohort, person=request.user, status__in=Registration.ACTIVE_STATUSES
    ).exists():
        messages.info(request, "You are already registered on this course.")
        return redirect("events:my_registrations")
    if cohort.path == Cohort.Path.DAY2_ONLY and not has_done_day1(request.user):
        return render(request, "events/day1_needed.html", {"cohort": cohort}, status=403)
    form = RegistrationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            registration = registration_create(
                cohort=cohort, person=request.user, answers=form.answers(), actor=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if registration.status == Registration.Status.CONFIRMED:
                messages.success(request, f"You have a place on {cohort}. We have emailed you the details.")
            else:
                messages.info(
                    request,
                    f"{cohort} is full, so you are on the waiting list. We will email you if a place comes free.",
                )
            return redirect("events:my_registrations")
    return render(request, "events/register.html", {"cohort": cohort, "form": form})


def cohort_ics(request, pk: int):
    cohort = _open_cohort(pk)
    response = HttpResponse(cohort_calendar(cohort), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cohort-{cohort.pk}.ics"'
    return response
