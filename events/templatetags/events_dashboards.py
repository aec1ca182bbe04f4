"""Panels for each role's dashboard (core's templates include them, so core never imports events)."""

from django import template
from django.db.models import Exists, OuterRef
from django.utils import timezone

from events.models import Cohort, Session
from events.rules import current_rules
from events.selectors.cohorts import my_courses, trainer_cohorts

register = template.Library()


@register.inclusion_tag("events/dashboards/participant.html", takes_context=True)
def participant_courses(context):
    return {"registrations": my_courses(context["request"].user)}


@register.inclusion_tag("events/dashboards/trainer.html", takes_context=True)
def trainer_deliveries(context):
    rules, today = current_rules(), timezone.localdate()
    cohorts = list(trainer_cohorts(context["request"].user))
    return {"cohorts": [(cohort, cohort.is_at_risk(rules=rules, today=today)) for cohort in cohorts]}


@register.inclusion_tag("events/dashboards/facilitator.html", takes_context=True)
def facilitator_cohorts(context):
    """The region's cohorts still to run, with those at risk of too few people (000:L489–491) first."""
    rules, today = current_rules(), timezone.localdate()
    cohorts = list(
        Cohort.objects.in_regions_of(context["request"].user)
        .filter(
            Exists(Session.objects.filter(cohort=OuterRef("pk"), date__gte=today)),
            status__in=[Cohort.Status.DRAFT, *Cohort.OPEN_STATUSES],
        )
        .with_counts()
        .with_first_date()
        .select_related("region")
        .prefetch_related("sessions")
        .order_by("first_date")
    )
    rows = [(cohort, cohort.is_at_risk(rules=rules, today=today)) for cohort in cohorts]
    return {"cohorts": sorted(rows, key=lambda row: not row[1])}
