"""The trainer's panel on their dashboard, the facilitator's teams to change, and the trainer pages'
navigation (core includes the panels, so core never imports trainers)."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone

from courses.caching import cached_content
from events.selectors.dashboards import own_region_ids
from trainers.models import TrainerProfile
from trainers.pathway import action_label
from trainers.selectors.deliveries import sign_off_queue, team_checklists, unavailable_on_teams
from trainers.selectors.profiles import own_trainer_profile
from trainers.selectors.t4t import t4t_preparation

register = template.Library()


@register.inclusion_tag("trainers/includes/trainer_nav.html", takes_context=True)
def trainer_nav(context, current: str):
    profile = own_trainer_profile(context["request"])
    return {"current": current, "is_lead": profile is not None and profile.is_lead_trainer}


@register.inclusion_tag("trainers/includes/dashboard.html", takes_context=True)
def trainer_pathway_panel(context):
    """Where the trainer is on the pathway, and sign-offs waiting for a Lead Trainer."""
    profile = own_trainer_profile(context["request"])
    lead = profile is not None and profile.is_lead_trainer
    return {
        "profile": profile,
        "waiting": sign_off_queue(profile).count(),
        "mentees": TrainerProfile.objects.filter(mentor=profile.person_id).select_related("person") if lead else [],
    }


@register.simple_tag(takes_context=True, name="t4t_preparation")
def t4t_preparation_tag(context) -> str:
    """The T4T preparation, the same for every candidate and made only of course pages, so it is
    rendered once and reused like those pages (`courses.caching.cached_content`)."""

    def render() -> str:
        return render_to_string(
            "trainers/includes/t4t_preparation.html", {"preparation": t4t_preparation(), "request": context["request"]}
        )

    return cached_content("t4t-preparation", render)


@register.inclusion_tag("trainers/includes/checklists.html")
def cohort_checklists(cohort):
    """Whose checklist before this delivery is incomplete, for any page about the cohort:
    `{% load trainers_tags %}{% cohort_checklists cohort %}` (issue #5 point 6)."""
    return {"checklists": team_checklists(cohort)}


@register.inclusion_tag("trainers/includes/teams_to_change.html", takes_context=True)
def teams_to_change(context):
    """For a facilitator's dashboard: the cohorts of their regions still to run with a trainer on the
    team who was suspended or withdrawn since, so cannot deliver (the same people are emailed)."""
    region_ids = own_region_ids(context["request"])
    return {"assignments": unavailable_on_teams(region_ids, today=timezone.localdate())}


@register.filter
def pathway_action(action: str) -> str:
    """A history row's action in words: "accredit" → "Accredited as a trainer"."""
    return action_label(action)
