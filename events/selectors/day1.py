"""Day 1 once (000:L2320–2324, L4339–4343): who has done it, read one way everywhere.

Day 2 requires Day 1 attended or recorded as equivalent; registration for a Day-2-only cohort and
the cohort page's "has not done Day 1" list both ask here.
"""

from events.models import Day1Completion


def has_done_day1(person) -> bool:
    return Day1Completion.objects.filter(person=person).exists()


def people_who_did_day1(person_ids) -> set[int]:
    return set(Day1Completion.objects.filter(person_id__in=person_ids).values_list("person_id", flat=True))
