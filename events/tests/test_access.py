"""Which rows a person manages (events.access, DOMAIN.md §2): one rule for every model the admin scopes."""

from core.roles import Role
from events.access import in_managed_regions, managed_regions_key
from events.models import Registration
from events.tests.factories import RegistrationFactory


def test_each_person_manages_their_regions_rows_and_admins_every_row_without_a_region_filter(
    make_user, make_cohort, facilitator, other_region
):
    mine = RegistrationFactory(cohort=make_cohort(), person=make_user())
    theirs = RegistrationFactory(cohort=make_cohort(region=other_region), person=make_user())
    admin, trainer = make_user(Role.PROGRAMME_ADMIN), make_user(Role.TRAINER)
    every = Registration.objects.all()

    as_admin = in_managed_regions(every, admin, "cohort__region")

    assert set(as_admin) == {mine, theirs}
    assert "core_region" not in str(as_admin.query) and "region_id" not in str(as_admin.query)
    assert list(in_managed_regions(every, facilitator, "cohort__region")) == [mine]
    assert list(in_managed_regions(every, trainer, "cohort__region")) == []


def test_the_regions_key_is_shared_by_people_managing_the_same_regions(make_user, region, other_region):
    one, same = (make_user(Role.REGIONAL_FACILITATOR, regions=[region, other_region]) for _ in range(2))
    other = make_user(Role.REGIONAL_FACILITATOR, regions=[other_region])

    assert managed_regions_key(one) == managed_regions_key(same) == f"{region.pk},{other_region.pk}"
    assert managed_regions_key(other) != managed_regions_key(one)
    assert managed_regions_key(make_user(Role.PROGRAMME_ADMIN)) == "all"
