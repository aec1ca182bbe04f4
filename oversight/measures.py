"""Fidelity measures: per cohort, each is a (done, out of) pair, so cohorts, regions and the whole
programme add up the same way. A plain count (cohorts delivered) is (1, None) or (0, None)."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

Pair = tuple[int, int | None]
#: A provider reads what it needs for many cohorts at once (a fixed number of queries) and returns
#: {cohort id: {measure key: (done, out of)}}.
Provider = Callable[[list, "MeasureContext"], dict[int, dict[str, Pair]]]


@dataclass(frozen=True)
class MeasureContext:
    today: object
    rules: object
    #: The confirmed places of the cohorts grouped by their days, read once for every provider
    #: (providers.places.DayGroup).
    places: list = field(default_factory=list)


@dataclass(frozen=True)
class MeasureDefinition:
    key: str
    label: str
    help: str = ""
    #: A share ("12 of 15") or a plain count ("3 cohorts").
    share: bool = True


@dataclass
class Figure:
    definition: MeasureDefinition
    done: int = 0
    out_of: int | None = None

    @property
    def percent(self) -> int | None:
        if not self.out_of:
            return None
        return round(100 * self.done / self.out_of)

    def __post_init__(self):
        if self.definition.share:
            self.out_of = 0

    def add(self, pair: Pair) -> None:
        done, out_of = pair
        self.done += done
        if out_of is not None:
            self.out_of = (self.out_of or 0) + out_of


@dataclass
class CohortRow:
    cohort: object
    values: dict[str, Pair] = field(default_factory=dict)


def combine(definitions: Iterable[MeasureDefinition], rows: Iterable[CohortRow]) -> list[Figure]:
    figures = {definition.key: Figure(definition) for definition in definitions}
    for row in rows:
        for key, pair in row.values.items():
            figures[key].add(pair)
    return list(figures.values())


def combine_by_region(definitions, rows) -> list[tuple[object, list[Figure]]]:
    by_region = defaultdict(list)
    for row in rows:
        by_region[row.cohort.region].append(row)
    return [
        (region, combine(definitions, region_rows))
        for region, region_rows in sorted(by_region.items(), key=lambda item: item[0].name)
    ]
