"""The one way code reads the pathway's numbers (Settings → Trainer pathway, `TrainerSettings`).

Services and selectors call `current_pathway_rules()` once per operation and pass the result on.
"""

from dataclasses import dataclass

from core.site_settings import default_site_settings
from trainers.models import TrainerSettings


@dataclass(frozen=True)
class PathwayRules:
    shadowings_required: int
    co_trainings_required: int
    experienced_lead_deliveries: int
    t4t_group_size: int


def current_pathway_rules() -> PathwayRules:
    """The default site's rules, or the defaults before a programme admin has saved any
    (core.site_settings: no query when read within the last `SITE_SETTINGS_CACHE_SECONDS`)."""
    saved = default_site_settings(TrainerSettings)
    return PathwayRules(
        shadowings_required=saved.shadowings_required,
        co_trainings_required=saved.co_trainings_required,
        experienced_lead_deliveries=saved.experienced_lead_deliveries,
        t4t_group_size=saved.t4t_group_size,
    )
