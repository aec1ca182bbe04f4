"""Suggested small groups for T4T, balanced by experience and by parent carers (000:L3500–3514).

"an equilibrium between their experience, competences and skills was needed to create balanced
groups, with fair opportunities for all": candidates were former Early Support trainers, experienced
trainers new to Early Support, new trainers, and parent carers in each situation (000:L3500–3504).

The suggestion is deterministic (the same candidates always give the same groups, whatever order
they come in) so a lead can reload the page and see what they saw; the lead then adjusts it.
"""

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    key: int
    name: str
    experience: int  # 0 = new to training … 2 = has delivered Early Support (choices.EXPERIENCE_WEIGHT)
    family_side: bool  # parent carer or young person trainer


def group_count_for(candidates: int, group_size: int) -> int:
    return max(1, math.ceil(candidates / group_size)) if candidates else 0


def suggest_groups(candidates: Sequence[Candidate], *, group_count: int) -> list[list[Candidate]]:
    """Deal candidates into `group_count` groups, one kind of candidate at a time.

    A kind is parent carer or not, at one level of experience. Parent carers and young people are
    dealt first, then everyone else from most to least experienced; each goes to the group with the
    fewest of their kind, then the smallest group, then the first. So for every kind, and for group
    sizes, no group has more than one more than another.
    """
    if group_count < 1:
        raise ValueError("At least one group is needed.")
    ordered = sorted(candidates, key=lambda c: (not c.family_side, -c.experience, c.name.casefold(), c.key))
    groups: list[list[Candidate]] = [[] for _ in range(group_count)]
    of_kind: dict[tuple[bool, int], list[int]] = defaultdict(lambda: [0] * group_count)
    for candidate in ordered:
        counts = of_kind[(candidate.family_side, candidate.experience)]
        target = min(range(group_count), key=lambda index: (counts[index], len(groups[index]), index))
        groups[target].append(candidate)
        counts[target] += 1
    return groups
