"""The trainer's panel on their dashboard and the trainer pages' navigation (core includes the panel,
so core never imports trainers)."""

from django import template

from trainers.models import TrainerProfile
from trainers.pathway import action_label
from trainers.selectors.deliveries import sign_off_queue, team_checklists

register = template.Library()


def _profile(context) -> TrainerProfile | None:
    user = context["request"].user
    return TrainerProfile.objects.filter(person=user).first() if user.is_authenticated else None


@register.inclusion_tag("trainers/includes/trainer_nav.html", takes_context=True)
def trainer_nav(context, current: str):
    profile = _profile(context)
    return {"current": current, "is_lead": profile is not None and profile.is_lead_trainer}


@register.inclusion_tag("trainers/includes/dashboard.html", takes_context=True)
def trainer_pathway_panel(context):
    """Where the trainer is on the pathway, and sign-offs waiting for a Lead Trainer."""
    profile = _profile(context)
    lead = profile is not None and profile.is_lead_trainer
    return {
        "profile": profile,
        "waiting": sign_off_queue(profile.person).count() if lead else 0,
        "mentees": TrainerProfile.objects.filter(mentor=profile.person).select_related("person") if lead else [],
    }


@register.inclusion_tag("trainers/includes/checklists.html")
def cohort_checklists(cohort):
    """Whose checklist before this delivery is incomplete, for any page about the cohort:
    `{% load trainers_tags %}{% cohort_checklists cohort %}` (issue #5 point 6)."""
    return {"checklists": team_checklists(cohort)}


@register.filter
def pathway_action(action: str) -> str:
    """A history row's action in words: "accredit" → "Accredited as a trainer"."""
    return action_label(action)
