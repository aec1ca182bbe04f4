"""The nine English regions and their local authorities (ONS codes), from core/data/*.csv."""

import csv
from pathlib import Path

from core.models import LocalAuthority, Region

DATA = Path(__file__).resolve().parent.parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def load_regions(out) -> None:
    regions = {}
    for row in _rows("regions.csv"):
        regions[row["code"]], _ = Region.objects.update_or_create(code=row["code"], defaults={"name": row["name"]})
    for row in _rows("local_authorities.csv"):
        LocalAuthority.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"], "region": regions[row["region_code"]]}
        )
    out.step(f"{Region.objects.count()} regions, {LocalAuthority.objects.count()} local authorities")
