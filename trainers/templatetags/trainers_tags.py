"""The trainer's panel on their dashboard and the trainer pages' navigation (core includes the panel,
so core never imports trainers)."""

from django import template

from trainers.models import TrainerProfile
from trainers.pathway import action_label
from trainers.selectors.deliveries import sign_off_queue

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
    waiting = sign_off_queue(profile.person).count() if profile is not None and profile.is_lead_trainer else 0
    return {"profile": profile, "waiting": waiting}


@register.filter
def pathway_action(action: str) -> str:
    """A history row's action in words: "accredit" → "Accredited as a trainer"."""
    return action_label(action)
