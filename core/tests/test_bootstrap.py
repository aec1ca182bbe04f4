from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Site

from core.models import HomePage, LocalAuthority, Region, StandardPage, User
from core.roles import Role


def run_bootstrap(*args) -> str:
    out = StringIO()
    call_command("bootstrap", *args, stdout=out)
    return out.getvalue()


def snapshot():
    return {
        "pages": Page.objects.count(),
        "sites": Site.objects.count(),
        "groups": Group.objects.count(),
        "regions": Region.objects.count(),
        "authorities": LocalAuthority.objects.count(),
        "users": User.objects.count(),
        "group_permissions": sum(group.permissions.count() for group in Group.objects.all()),
    }


def test_bootstrap_builds_the_reference_data_and_a_person_per_role(db):
    output = run_bootstrap()

    assert Region.objects.count() == 9
    assert 150 <= LocalAuthority.objects.count() <= 155
    assert set(Region.objects.values_list("code", flat=True)) == {f"E1200000{n}" for n in range(1, 10)}
    assert HomePage.objects.count() == 1
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    assert set(StandardPage.objects.values_list("slug", flat=True)) >= {"accessibility", "privacy"}
    for role in Role:
        assert User.objects.with_role(role).exists(), role
    facilitator = User.objects.with_role(Role.REGIONAL_FACILITATOR).get()
    assert facilitator.regions.count() >= 1
    assert output.count("password:") == len(Role)
    # The logins come last, after every step (and any email the demo data prints in development).
    assert output.index("Demo logins") > output.index("Bootstrap complete.")


def test_bootstrap_twice_changes_nothing_and_prints_no_password_again(db):
    run_bootstrap()
    before = snapshot()

    second_output = run_bootstrap()

    assert snapshot() == before
    assert "password:" not in second_output


def test_no_demo_leaves_out_demo_people(db):
    run_bootstrap("--no-demo")

    assert not User.objects.exists()
    assert Region.objects.count() == 9


def test_every_local_authority_belongs_to_a_region_with_several_authorities(db):
    run_bootstrap("--no-demo")

    for region in Region.objects.all():
        assert region.local_authorities.count() >= 10, region
