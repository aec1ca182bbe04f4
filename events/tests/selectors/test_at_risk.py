"""Cohorts at risk (issue #21 point 4): open cohorts starting within the cut-off, each with its
reasons and the page where each is put right, in a fixed number of queries however many cohorts.
The team's reasons (no accredited lead, checklists) come from trainers and are tested there."""

from django.urls import reverse
from django.utils import timezone

from events.models import Cohort, Preparation
from events.models.rules import current_rules
from events.selectors.at_risk import cohorts_at_risk
from events.selectors.mix import below_target_note
from events.tests.factories import RegistrationFactory, parent_carer, professional


def at_risk(user) -> dict[str, dict[str, str]]:
    """{cohort title: {reason code: fix URL}} for what `user` may see."""
    found = cohorts_at_risk(Cohort.objects.visible_to(user), rules=current_rules(), today=timezone.localdate())
    return {item.cohort.title: {reason.code: reason.fix_url for reason in item.reasons} for item in found}


def mixed_six(cohort, make_user):
    for n, sector in enumerate(["health", "social_care", "education", "voluntary", "education"]):
        RegistrationFactory(
            cohort=cohort, person=make_user(), **professional(sectors=[sector], organisation=f"Org {n}")
        )
    return RegistrationFactory(cohort=cohort, person=make_user(), **parent_carer())


def test_a_cohort_starting_soon_short_of_people_and_mix_is_at_risk_with_where_to_fix_it(make_cohort, facilitator):
    cohort = make_cohort(title="Soon and empty", days=(10, 20), status=Cohort.Status.CONFIRMED)
    make_cohort(title="Far off", days=(60, 70))
    make_cohort(title="A draft", days=(10, 20), status=Cohort.Status.DRAFT)

    reasons = at_risk(facilitator)

    assert set(reasons) == {"Soon and empty"}
    assert {"too_few", "mix_not_met"} <= set(reasons["Soon and empty"])
    assert reasons["Soon and empty"]["too_few"] == reverse("events:cohort_team", args=[cohort.pk])


def test_a_parent_carer_not_prepared_is_a_reason_linking_to_their_preparation(make_cohort, make_user, facilitator):
    cohort = make_cohort(title="Mixed", days=(10, 20))
    parent = mixed_six(cohort, make_user)

    reasons = at_risk(facilitator)["Mixed"]

    assert reasons["not_prepared"] == reverse("events:preparation", args=[cohort.pk, parent.pk])
    assert "too_few" not in reasons and "mix_not_met" not in reasons

    Preparation.objects.create(registration=parent, support_contact="Sam", conversation_done=True, venue_checked=True)
    assert "not_prepared" not in at_risk(facilitator).get("Mixed", {})


def test_another_regions_cohorts_are_not_listed(make_cohort, other_region, facilitator):
    make_cohort(title="Elsewhere", days=(10, 20), region=other_region)

    assert at_risk(facilitator) == {}


def test_a_young_person_needs_their_day_and_activity_plan_from_the_start(cohort, make_user):
    young = RegistrationFactory(cohort=cohort, person=make_user(), **parent_carer(applying_as="young_person"))
    adult = RegistrationFactory(cohort=cohort, person=make_user(), **parent_carer())

    assert young.preparation_missing_steps() == [
        "a preparation record",
        "a plan for which day and activity they take part in",
    ]
    assert adult.preparation_missing_steps() == ["a preparation record"]


def test_below_the_usual_size_is_said(set_rules):
    rules = current_rules()

    assert below_target_note(8, rules) == "8 confirmed: below the usual size of 16."
    assert below_target_note(16, rules) == ""


def test_the_query_count_stays_the_same_as_cohorts_grow(
    make_cohort, make_user, facilitator, django_assert_max_num_queries
):
    def add_cohorts(count):
        for _ in range(count):
            mixed_six(make_cohort(days=(10, 20)), make_user)
            make_cohort(days=(12, 22))

    add_cohorts(1)
    with django_assert_max_num_queries(30) as few:
        assert len(at_risk(facilitator)) == 2
    add_cohorts(5)

    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(at_risk(facilitator)) == 12
