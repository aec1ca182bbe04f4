"""The multi-agency mix: who is on a cohort, measured against the configurable mix rule.

Trainers should "only train multi-agency groups, with parent carers and possibly young people
represented" (000:L2219–2229); pilots failed on exactly this (000:L2998, L3190, L3913). The rule's
numbers are `CohortRules` (DOMAIN.md §4 product decision); the warnings are plain language because
facilitators and trainers read them while recruiting, from the first registration.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from events.models import Cohort, Registration
from events.models.choices import ApplyingAs, Experience, Sector
from events.models.rules import CohortRules, current_rules

SECTOR_PHRASES = {
    Sector.HEALTH: "health",
    Sector.SOCIAL_CARE: "social care",
    Sector.EDUCATION: "education",
    Sector.VOLUNTARY: "the voluntary sector",
    Sector.PRIVATE: "the private or independent sector",
}
MIX_FIELDS = ("cohort_id", "applying_as", "sectors", "organisation", "experience")


@dataclass(frozen=True)
class MixReport:
    confirmed: int
    sectors: list[tuple[str, int]]
    parent_carers: int
    young_people: int
    family_members: int
    organisations: list[tuple[str, int]]
    experience: list[tuple[str, int]]
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def meets_rule(self) -> bool:
        return not self.warnings


def _shortfall(count: int, minimum: int, *, none: str, some: str) -> str | None:
    if count >= minimum:
        return None
    return none if count == 0 else f"Only {count} {some} so far: the mix rule asks for {minimum}"


def evaluate_mix(rows: list[dict], rules: CohortRules) -> MixReport:
    """`rows` are confirmed registrations as dicts of MIX_FIELDS; one pure function for the cohort
    panel, the confirm check and the regional summary."""
    total = len(rows)
    sectors = Counter(code for row in rows for code in set(row["sectors"]))
    applying = Counter(row["applying_as"] for row in rows)
    parent_carers = applying[ApplyingAs.PARENT_CARER] + applying[ApplyingAs.BOTH]
    organisations: Counter = Counter()
    spelling: dict[str, str] = {}
    for row in rows:
        key = " ".join(row["organisation"].lower().split())
        if key:
            organisations[key] += 1
            spelling.setdefault(key, row["organisation"].strip())
    experience = Counter(row["experience"] for row in rows)

    warnings = []
    if total < rules.minimum_size:
        warnings.append(
            "No one has registered yet"
            if total == 0
            else f"Only {total} confirmed so far: a cohort needs at least {rules.minimum_size} to run"
        )
    for sector, minimum in rules.sector_minimums:
        phrase = SECTOR_PHRASES[sector]
        warnings.append(_shortfall(sectors[sector], minimum, none=f"No one from {phrase} yet", some=f"from {phrase}"))
    warnings.append(
        _shortfall(parent_carers, rules.min_parent_carers, none="No parent carer yet", some="parent carers")
    )
    warnings.append(
        _shortfall(
            applying[ApplyingAs.YOUNG_PERSON], rules.min_young_people, none="No young person yet", some="young people"
        )
    )
    if organisations:
        key, largest = organisations.most_common(1)[0]
        if largest * 100 > total * rules.max_organisation_percent:
            warnings.append(f"{largest} of {total} from one organisation ({spelling[key]})")

    notes = []
    if total >= 2 and len(experience) == 1:
        level = Experience(next(iter(experience))).label.lower()
        notes.append(
            # 000:L4464
            f"Everyone has the same experience of Early Support ({level}): a mix of experience helps"
        )

    return MixReport(
        confirmed=total,
        sectors=[(sector.label, sectors[sector]) for sector in Sector],
        parent_carers=parent_carers,
        young_people=applying[ApplyingAs.YOUNG_PERSON],
        family_members=applying[ApplyingAs.FAMILY_MEMBER],
        organisations=[(spelling[key], count) for key, count in organisations.most_common()],
        experience=[(level.label, experience[level]) for level in Experience],
        warnings=[warning for warning in warnings if warning],
        notes=notes,
    )


def _confirmed_rows(cohort_ids) -> list[dict]:
    return list(
        Registration.objects.filter(cohort_id__in=cohort_ids, status=Registration.Status.CONFIRMED).values(*MIX_FIELDS)
    )


def below_target_note(confirmed: int, rules: CohortRules) -> str:
    """Said beside the mix while a cohort has fewer confirmed than the usual size (around 16, 000:L2690)."""
    if confirmed >= rules.target_size:
        return ""
    return f"{confirmed} confirmed: below the usual size of {rules.target_size}."


def mix_rows_by_cohort(cohort_ids) -> defaultdict[int, list[dict]]:
    """The confirmed participants' mix fields of many cohorts, by cohort id (one query)."""
    rows_by_cohort = defaultdict(list)
    for row in _confirmed_rows(cohort_ids):
        rows_by_cohort[row["cohort_id"]].append(row)
    return rows_by_cohort


def cohort_mix(cohort: Cohort, rules: CohortRules | None = None) -> MixReport:
    """The live composition of one cohort's confirmed participants, with warnings (one query)."""
    return evaluate_mix(_confirmed_rows([cohort.pk]), rules or current_rules())


@dataclass
class RegionMix:
    region: str
    cohorts: int = 0
    meeting_rule: int = 0
    with_parent_carer: int = 0
    with_sector: Counter = field(default_factory=Counter)
    rows: list[tuple[Cohort, MixReport]] = field(default_factory=list)

    def sector_coverage(self) -> list[tuple[str, int]]:
        return [(sector.label, self.with_sector[sector.label]) for sector in Sector]


def regional_mix_summary(cohorts, rules: CohortRules | None = None) -> list[RegionMix]:
    """Mix achieved across the given cohorts, by region: how many met the rule, and how many had each
    sector and a parent carer (issue #4 point 4). Two queries however many cohorts."""
    rules = rules or current_rules()
    rows_by_cohort = mix_rows_by_cohort(cohorts.values("pk"))
    cohorts = list(cohorts.select_related("region").order_by("region__name", "title"))
    regions: dict[int, RegionMix] = {}
    for cohort in cohorts:
        report = evaluate_mix(rows_by_cohort[cohort.pk], rules)
        summary = regions.setdefault(cohort.region_id, RegionMix(region=cohort.region.name))
        summary.cohorts += 1
        summary.meeting_rule += report.meets_rule
        summary.with_parent_carer += report.parent_carers > 0
        summary.with_sector.update(label for label, count in report.sectors if count)
        summary.rows.append((cohort, report))
    return list(regions.values())
