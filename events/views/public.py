"""Finding a cohort and registering (issue #4 point 2).

Publicity says plainly that parent carers are welcome (000:L4023–4030).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone

from core.caching import cached, generations
from core.forms import posted
from core.shared_responses import shared_response
from courses.caching import CONTENT
from courses.models import SectionPage
from events.caching import COHORTS
from events.calendars import cohort_calendar
from events.forms.finding import CohortFilterForm
from events.forms.public import ComingAsForm, RegistrationForm
from events.models import Cohort, Registration
from events.models.choices import ApplyingAs
from events.selectors.cohorts import open_cohorts
from events.selectors.day1 import has_done_day1
from events.services.registrations import registration_create


def cohort_list(request):
    """Open cohorts a page at a time (`EVENTS_COHORT_LIST_PAGE_SIZE`), filtered by region, local
    authority, course and month (issue #23 point 1).

    An unknown filter or page number gets a page saying so (404), never an error. The first page
    with no filters, where most visitors land, is shared whole between cookieless visitors until a
    cohort changes (core.shared_responses, events.caching), like a cohort's own page."""
    return shared_response(
        request,
        lambda: f"cohort-list:{timezone.localdate().isoformat()}@{generations(COHORTS)}",
        settings.EVENTS_COHORT_LIST_CACHE_SECONDS,
        lambda: _cohort_list_page(request),
    )


def _cohort_list_page(request):
    today = timezone.localdate()
    form = CohortFilterForm(request.GET, today=today)
    context = {"form": form}
    if not form.is_valid():
        context["problem"] = " ".join(error for errors in form.errors.values() for error in errors)
        return render(request, "events/cohort_list.html", context, status=404)
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        number = 0
    listing = _cohort_listing(form, number, today) if number > 0 else None
    if listing is None:
        context["problem"] = "There is no such page of courses."
        return render(request, "events/cohort_list.html", context, status=404)
    return render(request, "events/cohort_list.html", {**context, "listing": listing})


def _cohort_listing(form: CohortFilterForm, number: int, today) -> str | None:
    """One page of the listing as HTML, or None if there is no such page.

    Everyone sees the same page (nothing about the visitor is in it), so it is rendered once and
    kept per day, filters and page under the cohorts' generation (events.caching, issue #20): a new
    cohort or a place taken shows on the next page. The key holds every filter, so two filtered
    listings never share an entry. The header, which names a signed-in visitor, is never cached. The
    cache keeps the rendered `SafeString` as it is, so the page does not escape it again."""
    filters = form.filters()
    query = urlencode({name: form.data[name] for name in form.fields if form.data.get(name)})
    key = f"events:cohort-list:{today.isoformat()}:{query}:{number}@{generations(COHORTS)}"
    listing = cache.get(key)
    if listing is None:
        paginator = Paginator(open_cohorts(today=today, **filters), settings.EVENTS_COHORT_LIST_PAGE_SIZE)
        try:
            page = paginator.page(number)
        except InvalidPage:
            return None
        listing = render_to_string(
            "events/includes/cohort_listing.html",
            {
                "page": page,
                "page_range": paginator.get_elided_page_range(number, on_each_side=2, on_ends=1),
                "query": query,
                "filtered": bool(query),
            },
        )
        cache.set(key, listing, settings.EVENTS_COHORT_LIST_CACHE_SECONDS)
    return listing


def _open_cohort(pk: int) -> Cohort:
    cohort = open_cohorts(today=timezone.localdate()).filter(pk=pk).first()
    if cohort is None:
        raise Http404
    return cohort


def cohort_detail(request, pk: int):
    """The whole page is shared between cookieless visitors until a cohort changes
    (core.shared_responses, events.caching). For anyone else the description comes from
    `_cohort_about`, and places left and their own registration are looked up on every request."""
    return shared_response(
        request,
        lambda: f"cohort:{pk}:{timezone.localdate().isoformat()}@{generations(COHORTS)}",
        settings.EVENTS_COHORT_LIST_CACHE_SECONDS,
        lambda: _cohort_page(request, pk),
    )


def _cohort_page(request, pk: int):
    cohort = open_cohorts(today=timezone.localdate()).prefetch_related(None).filter(pk=pk).first()
    if cohort is None:
        raise Http404
    registration = None
    if request.user.is_authenticated:
        registration = Registration.objects.filter(
            cohort=cohort, person=request.user, status__in=Registration.ACTIVE_STATUSES
        ).first()
    return render(
        request,
        "events/cohort_detail.html",
        {"cohort": cohort, "about": _cohort_about(cohort), "registration": registration},
    )


def _cohort_about(cohort: Cohort) -> str:
    """What the cohort is, when and where, and what it covers, as HTML: the same for every visitor.

    Rendered once and kept under the cohorts' and the content's generations (issue #20), so a change
    to the cohort, its days, its venue or the course pages shows on the next page."""
    return cached(
        f"events:cohort-about:{cohort.pk}",
        lambda: _render_cohort_about(cohort.pk),
        generation_names=[COHORTS, CONTENT],
        timeout=settings.EVENTS_COHORT_PAGE_CACHE_SECONDS,
    )


def _render_cohort_about(pk: int) -> str:
    cohort = _open_cohort(pk)
    courses = list({session.course_id: session.course for session in cohort.ordered_sessions}.values())
    children = Q(pk__in=[])
    for course in courses:
        children |= Q(path__startswith=course.path, depth=course.depth + 1)
    sections = list(SectionPage.objects.live().filter(children).order_by("path"))
    structure = [
        (course, [section for section in sections if section.path.startswith(course.path)]) for course in courses
    ]
    return render_to_string("events/includes/cohort_about.html", {"cohort": cohort, "structure": structure})


@login_required
def register(request, pk: int):
    """Signed-in people only: anyone else is sent to sign in (or create an account) and comes back here.

    Two steps that work without JavaScript (issue #23.2): who someone is coming as (`?as=`), then
    only the questions for them."""
    cohort = _open_cohort(pk)
    if Registration.objects.filter(
        cohort=cohort, person=request.user, status__in=Registration.ACTIVE_STATUSES
    ).exists():
        messages.info(request, "You are already registered on this course.")
        return redirect("events:my_registrations")
    if cohort.path == Cohort.Path.DAY2_ONLY and not has_done_day1(request.user):
        return render(request, "events/day1_needed.html", {"cohort": cohort}, status=403)
    applying_as = request.GET.get("as", "")
    if applying_as not in ApplyingAs.values:
        # Sent with no choice, the form carries only its hidden `step`: still a submission, so it says what is missing.
        chooser = ComingAsForm(request.GET or None)
        return render(request, "events/register.html", {"cohort": cohort, "form": chooser, "choosing": True})
    form = RegistrationForm(posted(request), applying_as=applying_as)
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
    context = {"cohort": cohort, "form": form, "coming_as": ApplyingAs(applying_as).label}
    return render(request, "events/register.html", context)


def cohort_ics(request, pk: int):
    cohort = _open_cohort(pk)
    response = HttpResponse(cohort_calendar(cohort), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cohort-{cohort.pk}.ics"'
    return response
