"""The mix check's plain-language warnings, its configurable rule and the regional summary (issue #4 point 4)."""

from events.models import Cohort
from events.models.rules import current_rules
from events.selectors.mix import cohort_mix, regional_mix_summary
from events.tests.factories import RegistrationFactory, parent_carer, professional


def add(cohort, make_user, *answers):
    for fields in answers:
        RegistrationFactory(cohort=cohort, person=make_user(), **fields)


def test_from_the_first_registration_the_gaps_are_named(cohort, make_user):
    add(cohort, make_user, professional(sectors=["education"]))

    mix = cohort_mix(cohort)

    assert mix.warnings == [
        "Only 1 confirmed so far: a cohort needs at least 6 to run",
        "No one from health yet",
        "No one from social care yet",
        "No one from the voluntary sector yet",
        "No parent carer yet",
        "1 of 1 from one organisation (Leeds Primary School)",
    ]
    assert not mix.meets_rule


def test_one_organisation_above_half_the_cohort_is_named(cohort, make_user):
    """A South East cohort of 8 came from two organisations (000:L3913)."""
    same = professional(organisation="Kent County Council")
    add(
        cohort,
        make_user,
        *[dict(same, sectors=[sector]) for sector in ["health", "social_care", "education", "voluntary", "education"]],
    )
    add(cohort, make_user, professional(organisation="  kent county  council"), parent_carer(), parent_carer())

    assert "6 of 8 from one organisation (Kent County Council)" in cohort_mix(cohort).warnings


def test_a_mixed_group_meets_the_rule(cohort, make_user):
    add(
        cohort,
        make_user,
        professional(sectors=["health", "social_care"], organisation="A"),
        professional(sectors=["education"], organisation="B", experience="none"),
        professional(sectors=["voluntary"], organisation="C"),
        professional(sectors=["education"], organisation="D"),
        parent_carer(),
        parent_carer(),
    )

    mix = cohort_mix(cohort)

    assert mix.warnings == [] and mix.meets_rule
    assert dict(mix.sectors)["Health"] == 1 and mix.parent_carers == 2
    assert dict(mix.organisations) == {"A": 1, "B": 1, "C": 1, "D": 1}


def test_waiting_and_cancelled_people_do_not_count(cohort, make_user):
    add(cohort, make_user, professional(status="waiting"), professional(status="cancelled"))

    assert cohort_mix(cohort).confirmed == 0


def test_the_rule_is_a_setting(cohort, make_user, set_rules):
    add(
        cohort,
        make_user,
        *[
            professional(sectors=[sector], organisation=sector)
            for sector in ["health", "social_care", "education", "voluntary"]
        ],
    )
    add(cohort, make_user, parent_carer(), parent_carer())
    assert cohort_mix(cohort).meets_rule

    set_rules(mix_min_young_people=1, mix_min_health=2)

    assert cohort_mix(cohort, current_rules()).warnings == [
        "Only 1 from health so far: the mix rule asks for 2",
        "No young person yet",
    ]


def test_a_group_with_one_experience_level_gets_a_note(cohort, make_user):
    add(cohort, make_user, professional(), professional())

    assert cohort_mix(cohort).notes[0].startswith("Everyone has the same experience")


def test_the_regional_summary_counts_cohorts_meeting_the_rule(
    make_cohort, make_user, other_region, django_assert_max_num_queries
):
    good, poor = make_cohort(), make_cohort()
    make_cohort(region=other_region)
    add(
        good,
        make_user,
        *[
            professional(sectors=[sector], organisation=sector)
            for sector in ["health", "social_care", "education", "voluntary", "health"]
        ],
        parent_carer(),
    )
    add(poor, make_user, professional())

    with django_assert_max_num_queries(3):
        summary = regional_mix_summary(Cohort.objects.all())

    london, north_east = sorted(summary, key=lambda region: region.region)
    assert (london.cohorts, london.meeting_rule, london.with_parent_carer) == (2, 1, 1)
    assert dict(london.sector_coverage())["Education"] == 2
    assert (north_east.cohorts, north_east.meeting_rule) == (1, 0)
