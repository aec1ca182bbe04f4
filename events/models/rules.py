"""The one way code reads the cohort rules (group size, deadlines, parents' hours, the mix rule).

Programme admins edit them in Settings → Cohort rules (`events.models.CohortSettings`, each field
with its seed reference). Services, selectors and views call `current_rules()` once per operation
and pass the result on, so a page or a sweep sees one consistent set of numbers.
"""

import datetime
from dataclasses import dataclass

from core.site_settings import default_site_settings
from events.models.choices import Sector
from events.models.settings import CohortSettings


@dataclass(frozen=True)
class CohortRules:
    target_size: int
    minimum_size: int
    maximum_size: int
    at_risk_days: int
    pre_course_pack_days: int
    agenda_days: int
    offer_hold: datetime.timedelta
    parent_hours_start: datetime.time
    parent_hours_end: datetime.time
    #: The mix rule (DOMAIN.md §4): minimum people per sector, parent carers and young people, and the
    #: largest share of the cohort one organisation may hold, in per cent.
    sector_minimums: tuple[tuple[Sector, int], ...]
    min_parent_carers: int
    min_young_people: int
    max_organisation_percent: int

    @classmethod
    def from_settings(cls, settings: CohortSettings) -> "CohortRules":
        return cls(
            target_size=settings.target_size,
            minimum_size=settings.minimum_size,
            maximum_size=settings.maximum_size,
            at_risk_days=settings.at_risk_days,
            pre_course_pack_days=settings.pre_course_pack_days,
            agenda_days=settings.agenda_days,
            offer_hold=datetime.timedelta(hours=settings.offer_hold_hours),
            parent_hours_start=settings.parent_hours_start,
            parent_hours_end=settings.parent_hours_end,
            sector_minimums=(
                (Sector.HEALTH, settings.mix_min_health),
                (Sector.SOCIAL_CARE, settings.mix_min_social_care),
                (Sector.EDUCATION, settings.mix_min_education),
                (Sector.VOLUNTARY, settings.mix_min_voluntary),
            ),
            min_parent_carers=settings.mix_min_parent_carers,
            min_young_people=settings.mix_min_young_people,
            max_organisation_percent=settings.mix_max_organisation_percent,
        )

    def is_parent_friendly(self, starts_at: datetime.time, ends_at: datetime.time) -> bool:
        """Inside the hours most parent carers can attend (000:L3999–4003)."""
        return self.parent_hours_start <= starts_at and ends_at <= self.parent_hours_end


def current_rules() -> CohortRules:
    """The default site's rules, or the seed defaults before an admin has saved any
    (core.site_settings: no query when read within the last `SITE_SETTINGS_CACHE_SECONDS`)."""
    return CohortRules.from_settings(default_site_settings(CohortSettings))
