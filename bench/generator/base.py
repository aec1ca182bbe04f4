"""What every part of the generator shares: the scale, a seeded random source, timings and batching."""

import random
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection

BATCH_SIZE = 2000
#: Unusable password hash for the generated people (they never sign in; bench accounts do).
NO_PASSWORD = "!bench-generated"  # noqa: S105


@dataclass
class Plan:
    """Sizes at scale 1 (issue #8 point 1); every count is multiplied by `scale`, with a floor."""

    scale: float
    seed: int = 8
    trainers: int = 1500
    cohorts: int = 5000
    participants: int = 80_000
    venues: int = 600
    facilitators_per_region: int = 2
    programme_admins: int = 4

    def count(self, name: str, minimum: int = 1) -> int:
        return max(minimum, round(getattr(self, name) * self.scale))


@dataclass
class Context:
    """Passed from one part to the next: the plan, the random source, and what earlier parts made."""

    plan: Plan
    out: object
    rng: random.Random = field(init=False)
    made: dict = field(default_factory=dict)
    timings: list[tuple[str, float, int]] = field(default_factory=list)

    def __post_init__(self):
        self.rng = random.Random(self.plan.seed)  # noqa: S311 - test data, not secrets

    @contextmanager
    def step(self, label: str):
        """Times one part and prints it with the rows it wrote (the part sets `self.rows`)."""
        self.rows = 0
        started = time.perf_counter()
        yield
        elapsed = time.perf_counter() - started
        self.timings.append((label, elapsed, self.rows))
        self.out.write(f"  {label:<44} {self.rows:>9,} rows {elapsed:8.1f} s")


def chunks(items: Iterable, size: int = BATCH_SIZE) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def bulk(ctx: Context, model, objects: Iterable, **kwargs) -> list:
    """bulk_create in batches; returns the saved objects (with primary keys on PostgreSQL and SQLite)."""
    saved = []
    for batch in chunks(objects):
        saved.extend(model.objects.bulk_create(batch, batch_size=BATCH_SIZE, **kwargs))
    ctx.rows += len(saved)
    return saved


def analyze() -> None:
    """Fresh planner statistics after bulk loads, as autovacuum would give a live database."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
