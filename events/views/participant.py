"""A participant's own courses: their registrations, calendar, cancelling, and answering an offer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from events.calendars import person_calendar
from events.models import PlaceOffer, Registration
from events.selectors.cohorts import my_courses, registrations_of
from events.selectors.sessions import participant_can_cancel, sessions_for_registration
from events.services.registrations import registration_cancel_own
from events.services.waiting_list import offer_accept, offer_decline


@login_required
def my_registrations(request):
    return render(request, "events/my_registrations.html", {"registrations": my_courses(request.user)})


@login_required
def cancel(request, pk: int):
    """Cancelling a place takes two steps: this page says what it means (GET), the button on it
    cancels (POST). Only the person's own registration: anyone else's id is a 404 (issue #21 point 3)."""
    registration = get_object_or_404(
        Registration.objects.select_related("cohort__venue", "day1_cohort"),
        pk=pk,
        person=request.user,
    )
    if request.method == "POST":
        try:
            registration_cancel_own(registration=registration, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Your place on {registration.cohort} is cancelled. We have emailed you.")
        return redirect("events:my_registrations")
    return render(
        request,
        "events/cancel_place.html",
        {
            "registration": registration,
            "sessions": sessions_for_registration(registration),
            "can_cancel": participant_can_cancel(registration, timezone.localdate()),
        },
    )


@login_required
def my_calendar(request):
    registrations = registrations_of(request.user).filter(status=Registration.Status.CONFIRMED)
    response = HttpResponse(
        person_calendar("My Early Support training", registrations), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="my-courses.ics"'
    return response


def offer(request, token):
    """The link in the offer email: works without signing in, and only while the offer is open."""
    place_offer = get_object_or_404(
        PlaceOffer.objects.select_related("registration__cohort__venue", "registration__person"), token=token
    )
    registration = place_offer.registration
    if request.method == "POST" and place_offer.is_pending:
        respond = offer_accept if request.POST.get("decision") == "accept" else offer_decline
        try:
            respond(offer=place_offer, actor=registration.person)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if respond is offer_accept:
                messages.success(
                    request, f"The place on {registration.cohort} is yours. We have emailed you the details."
                )
            else:
                messages.info(request, "Thank you for letting us know. The place will go to the next person waiting.")
        return redirect("events:offer", token=token)
    return render(
        request,
        "events/offer.html",
        {"offer": place_offer, "registration": registration, "sessions": sessions_for_registration(registration)},
    )
