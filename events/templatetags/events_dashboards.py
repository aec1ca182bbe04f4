"""Panels for each role's dashboard (core's templates include them, so core never imports events)."""

from django import template
from django.conf import settings
from django.db.models import Count, Window
from django.utils import timezone
from django.utils.functional import cached_property

from core.caching import generations
from events.access import regions_key
from events.caching import COHORTS
from events.models import Cohort
from events.models.rules import current_rules
from events.selectors.at_risk import cohorts_at_risk
from events.selectors.dashboards import own_courses, own_delivery_cohorts, own_region_ids

register = template.Library()

#: What the facilitator's panel shows of a cohort: its title, status and region's name.
LISTED_COLUMNS = ("title", "status", "region__name")


@register.inclusion_tag("events/dashboards/participant.html", takes_context=True)
def participant_courses(context):
    return {"registrations": own_courses(context["request"])}


@register.inclusion_tag("events/dashboards/trainer.html", takes_context=True)
def trainer_deliveries(context):
    rules, today = current_rules(), timezone.localdate()
    cohorts = own_delivery_cohorts(context["request"])
    return {"cohorts": [(cohort, cohort.is_at_risk(rules=rules, today=today)) for cohort in cohorts]}


class PanelCache:
    """What the dashboards' cohort panels are kept under with `{% cache %}` (issue #20): the day and
    the cohorts' generation (a change to a cohort, its days, team or registrations shows at once),
    and, for a facilitator's panel, the regions, so everyone managing the same ones shares it. At
    most `EVENTS_DASHBOARD_CACHE_SECONDS`, which bounds what a change elsewhere (a pack sent) takes
    to show; each panel says when it was read."""

    def __init__(self, request):
        self.request = request
        self.seconds = settings.EVENTS_DASHBOARD_CACHE_SECONDS
        self.version = f"{timezone.localdate()}@{generations(COHORTS)}"

    @cached_property
    def regions(self) -> str:
        return regions_key(own_region_ids(self.request))


@register.simple_tag(takes_context=True)
def cohort_panel_cache(context) -> PanelCache:
    return PanelCache(context["request"])


@register.inclusion_tag("events/dashboards/facilitator.html", takes_context=True)
def facilitator_cohorts(context):
    """A facilitator's cohorts; it reads every cohort still to run in their regions, so the page
    keeps the panel (`cohort_panel_cache`)."""
    return _facilitator_cohorts(context["request"].user, timezone.localdate())


def _facilitator_cohorts(user, today) -> dict:
    """The region's cohorts at risk first, each with its reasons (`events.selectors.at_risk`), then
    the next `EVENTS_DASHBOARD_COMING_COHORTS` still to run; the admin listing has the rest (issue #8).
    No days are loaded (the page reads `first_date`), and the next ones come with how many are not
    at risk (`COUNT(*) OVER ()`, before the limit). Only the columns the panel shows are read
    (`LISTED_COLUMNS`), not the cohort's texts nor the region's code."""
    rules = current_rules()
    mine = Cohort.objects.in_regions_of(user).with_waiting_count().only(*LISTED_COLUMNS, "capacity")
    at_risk = cohorts_at_risk(mine, rules=rules, today=today)
    coming = list(
        mine.still_to_run(today)
        .with_confirmed_count()
        .with_first_date()
        .select_related("region")
        .exclude(pk__in=[item.cohort.pk for item in at_risk])
        .annotate(not_at_risk=Window(Count("pk")))
        .order_by("first_date", "pk")[: settings.EVENTS_DASHBOARD_COMING_COHORTS]
    )
    more = coming[0].not_at_risk - len(coming) if coming else 0
    return {"at_risk": at_risk, "coming": coming, "more": more, "today": today, "read_at": timezone.localtime()}


@register.inclusion_tag("events/dashboards/at_risk.html")
def programme_cohorts_at_risk():
    """For the programme dashboard: every region's cohorts at risk, the same list for every programme
    admin; the page keeps the panel (`cohort_panel_cache`)."""
    today = timezone.localdate()
    return {
        "at_risk": cohorts_at_risk(Cohort.objects.with_waiting_count(), rules=current_rules(), today=today),
        "read_at": timezone.localtime(),
    }
