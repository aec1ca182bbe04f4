"""Suggested T4T groups: deterministic, and balanced by experience and parent carers (000:L3500–3514)."""

import random

import pytest

from trainers.grouping import Candidate, group_count_for, suggest_groups


def people(count: int, *, family_every: int = 3) -> list[Candidate]:
    return [
        Candidate(key=n, name=f"Person {n:02d}", experience=n % 3, family_side=n % family_every == 0)
        for n in range(count)
    ]


def test_the_same_candidates_always_give_the_same_groups_whatever_their_order():
    candidates = people(13)
    shuffled = candidates[:]
    random.Random(5).shuffle(shuffled)

    assert suggest_groups(candidates, group_count=4) == suggest_groups(shuffled, group_count=4)


@pytest.mark.parametrize("seed", range(40))
def test_groups_are_balanced_in_size_parent_carers_and_experience(seed):
    chance = random.Random(seed)
    count, group_count = chance.randint(1, 24), chance.randint(1, 6)
    candidates = [
        Candidate(key=n, name=f"Person {n}", experience=chance.randint(0, 2), family_side=chance.random() < 0.3)
        for n in range(count)
    ]

    groups = suggest_groups(candidates, group_count=group_count)

    def spread(measure) -> int:
        values = [measure(group) for group in groups]
        return max(values) - min(values)

    assert sorted(c.key for group in groups for c in group) == list(range(count))
    assert spread(len) <= 1
    assert spread(lambda group: sum(c.family_side for c in group)) <= 1
    for family_side in (True, False):
        for level in (0, 1, 2):
            assert (
                spread(
                    lambda group, f=family_side, e=level: sum(c.family_side == f and c.experience == e for c in group)
                )
                <= 1
            )


def test_group_count_follows_the_group_size_setting():
    assert [group_count_for(n, 4) for n in (0, 1, 4, 5, 9)] == [0, 1, 1, 2, 3]


def test_at_least_one_group():
    with pytest.raises(ValueError):
        suggest_groups(people(3), group_count=0)
