"""The one page everyone on a cohort shares: registrations as they arrive, the mix, preparation,
overdue messages (DOMAIN.md §4: a trainer once got the names "the week before", 000:L3955).

Only programme admins, the region's facilitators and the cohort's trainers may open it; for
anyone else it does not exist (404).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_POST

from core.caching import cached
from core.forms import posted
from core.roles import Role
from events.caching import COHORTS
from events.calendars import build_calendar, trainer_feed_key
from events.forms.public import PreparationForm
from events.models import CalendarFeed, Cohort, Preparation, Registration, Session
from events.models.rules import current_rules
from events.selectors.cohorts import overview_cohorts, overview_of
from events.services.calendars import calendar_feed_reset
from events.services.preparation import preparation_update


def _visible_cohort(request, pk: int) -> Cohort:
    return get_object_or_404(Cohort.objects.visible_to(request.user), pk=pk)


@login_required
def cohort_team(request, pk: int):
    cohort = get_object_or_404(overview_cohorts(Cohort.objects.visible_to(request.user)), pk=pk)
    overview = overview_of(cohort, rules=current_rules(), today=timezone.localdate())
    return render(request, "events/cohort_team.html", {"overview": overview, "cohort": overview.cohort})


@login_required
def preparation(request, pk: int, registration_pk: int):
    cohort = _visible_cohort(request, pk)
    registration = get_object_or_404(
        Registration.objects.select_related("person", "cohort").exclude(status=Registration.Status.CANCELLED),
        pk=registration_pk,
        cohort=cohort,
    )
    if not registration.needs_preparation:
        raise Http404
    instance = Preparation.objects.filter(registration=registration).first() or Preparation(registration=registration)
    form = PreparationForm(posted(request), instance=instance, registration=registration)
    if request.method == "POST" and form.is_valid():
        try:
            preparation_update(registration=registration, data=form.changes(), actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Preparation for {registration.person} saved.")
            return redirect("events:cohort_team", pk=cohort.pk)
    return render(request, "events/preparation.html", {"cohort": cohort, "registration": registration, "form": form})


@login_required
def calendar_feed(request):
    """A trainer's private calendar address, to subscribe to in any calendar app."""
    if not request.user.has_role(Role.TRAINER):
        raise Http404
    feed = CalendarFeed.objects.filter(person=request.user).first()
    return render(request, "events/calendar_feed.html", {"feed": feed})


@login_required
@require_POST
def calendar_feed_new(request):
    if not request.user.has_role(Role.TRAINER):
        raise Http404
    calendar_feed_reset(person=request.user, actor=request.user)
    messages.success(request, "Your calendar address is ready. Any earlier address no longer works.")
    return redirect("events:calendar_feed")


def trainer_feed(request, token):
    """The subscription itself: no sign-in (calendar apps cannot), the unguessable token is the key.

    Calendar apps fetch it every few minutes, so the body is kept per feed address under the
    cohorts' generation (events.caching, issue #20): a change to the trainer's sessions or teams
    shows on the next fetch. The token, the account and the trainer role are checked every time, so a
    replaced address, a deactivated account or a lost role stops it at once."""
    feed = get_object_or_404(CalendarFeed.objects.serving(), token=token)
    seconds = settings.EVENTS_TRAINER_FEED_CACHE_SECONDS
    key = trainer_feed_key(feed.token)
    calendar = cached(key, lambda: _trainer_calendar(feed), generation_names=[COHORTS], timeout=seconds)
    response = HttpResponse(calendar, content_type="text/calendar; charset=utf-8")
    patch_cache_control(response, private=True, max_age=seconds)
    return response


def _trainer_calendar(feed: CalendarFeed) -> str:
    sessions = (
        Session.objects.filter(cohort__delivery_assignments__trainer_id=feed.person_id)
        .exclude(cohort__status=Cohort.Status.CANCELLED)
        .select_related("course", "cohort__venue")
    )
    return build_calendar("Early Support training: my deliveries", [(session, session.cohort) for session in sessions])
