"""Admin screens: the regions, and programme admins assigning facilitators their regions."""

from django.urls import reverse
from wagtail.models import ModelLogEntry

from core.models import Region, User
from core.roles import Role


def test_programme_admins_list_facilitators_with_their_regions(client, make_user, region):
    facilitator = make_user(Role.REGIONAL_FACILITATOR, regions=[region])
    trainer = make_user(Role.TRAINER)
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))

    response = client.get(reverse("facilitators:index"))

    assert response.status_code == 200
    content = response.content.decode()
    assert facilitator.email in content
    assert "London" in content
    assert trainer.email not in content
    assert "facilitators/new" not in content


def test_a_programme_admin_changes_a_facilitators_regions_through_the_service(client, make_user, region, other_region):
    admin = make_user(Role.PROGRAMME_ADMIN, mfa=True)
    facilitator = make_user(Role.REGIONAL_FACILITATOR, regions=[region])
    client.force_login(admin)

    response = client.post(
        reverse("facilitators:edit", args=[facilitator.pk]), {"regions": [region.pk, other_region.pk]}
    )

    assert response.status_code == 302
    assert set(User.objects.get(pk=facilitator.pk).regions.all()) == {region, other_region}
    entry = ModelLogEntry.objects.filter(action="core.regions.set", object_id=str(facilitator.pk)).latest("pk")
    assert entry.user == admin


def test_taking_away_every_region_is_refused_and_changes_nothing(client, make_user, region):
    facilitator = make_user(Role.REGIONAL_FACILITATOR, regions=[region])
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))

    response = client.post(reverse("facilitators:edit", args=[facilitator.pk]), {"regions": []})

    assert response.status_code == 200
    assert "needs at least one region" in response.content.decode()
    assert list(User.objects.get(pk=facilitator.pk).regions.all()) == [region]


def test_people_who_are_not_facilitators_cannot_be_given_regions_here(client, make_user, region):
    trainer = make_user(Role.TRAINER)
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))

    response = client.post(reverse("facilitators:edit", args=[trainer.pk]), {"regions": [region.pk]})

    assert response.status_code == 404
    assert not trainer.regions.exists()


def test_facilitators_cannot_assign_regions(client, make_user, region, other_region):
    facilitator = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])
    client.force_login(facilitator)

    listing = client.get(reverse("facilitators:index"))
    edit = client.post(reverse("facilitators:edit", args=[facilitator.pk]), {"regions": [other_region.pk]})

    assert listing.status_code in (302, 403)
    assert edit.status_code in (302, 403)
    assert list(facilitator.regions.all()) == [region]


def test_staff_can_look_up_regions_and_their_authorities(client, make_user, region):
    from core.models import LocalAuthority

    LocalAuthority.objects.create(code="E09000001", name="City of London", region=region)
    client.force_login(make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]))

    listing = client.get(reverse("regions:index"))
    inspect = client.get(reverse("regions:inspect", args=[region.pk]))

    assert listing.status_code == 200
    assert "London" in listing.content.decode()
    assert "City of London" in inspect.content.decode()


def test_a_programme_admin_sets_a_regions_contact_email_and_nothing_else(client, make_user, region):
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))
    url = reverse("regions:edit", args=[region.pk])

    refused = client.post(url, {"contact_email": "not an address"})
    saved = client.post(url, {"contact_email": "london@example.org", "name": "Renamed", "code": "X"})

    assert refused.status_code == 200 and "Enter a valid email address" in refused.content.decode()
    assert saved.status_code == 302
    region.refresh_from_db()
    assert (region.contact_email, region.name, region.code) == ("london@example.org", "London", "E12000007")
    assert ModelLogEntry.objects.filter(action="wagtail.edit", object_id=str(region.pk)).exists()
    assert client.get(reverse("regions:add")).status_code in (302, 403)
    assert client.post(reverse("regions:delete", args=[region.pk])).status_code in (302, 403)
    assert Region.objects.filter(pk=region.pk).exists()


def test_facilitators_cannot_edit_a_region(client, make_user, region):
    client.force_login(make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]))

    response = client.post(reverse("regions:edit", args=[region.pk]), {"contact_email": "me@example.org"})
    inspect = client.get(reverse("regions:inspect", args=[region.pk]))

    assert response.status_code in (302, 403)
    region.refresh_from_db()
    assert region.contact_email == ""
    assert reverse("regions:edit", args=[region.pk]) not in inspect.content.decode()


def test_the_facilitator_list_does_not_grow_its_queries(client, make_user, region, django_assert_max_num_queries):
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))
    url = reverse("facilitators:index")
    client.get(url)
    make_user(Role.REGIONAL_FACILITATOR, regions=[region])  # each measured page follows a change: both count
    with django_assert_max_num_queries(60) as few:
        client.get(url)
    for _ in range(15):
        make_user(Role.REGIONAL_FACILITATOR, regions=[region])

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_an_erasure_is_previewed_before_it_is_done(client, make_user):
    person = make_user(Role.PARTICIPANT, email="sam@example.org")
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))

    response = client.post(reverse("core_erasure"), {"email": "sam@example.org", "reason": "Asked by email"})

    assert response.status_code == 200
    assert "What would be erased" in response.content.decode()
    assert User.objects.get(pk=person.pk).email == "sam@example.org"


def test_a_programme_admin_erases_a_person(client, make_user):
    person = make_user(Role.PARTICIPANT, email="sam@example.org")
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))

    response = client.post(
        reverse("core_erasure"), {"email": "sam@example.org", "reason": "Asked by email", "confirm": "on"}
    )

    assert response.status_code == 302
    assert not User.objects.get(pk=person.pk).is_active


def test_an_unknown_email_is_a_clear_error(client, make_user):
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))

    response = client.post(reverse("core_erasure"), {"email": "nobody@example.org", "reason": "x", "confirm": "on"})

    assert "There is no active account with this email address." in response.content.decode()


def test_facilitators_cannot_erase_people(client, make_user, region):
    person = make_user(Role.PARTICIPANT, email="sam@example.org")
    client.force_login(make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]))

    response = client.post(reverse("core_erasure"), {"email": "sam@example.org", "reason": "x", "confirm": "on"})

    assert response.status_code == 302  # Wagtail turns the refusal into "no permission" on the admin home
    assert response["Location"] == "/admin/"
    assert User.objects.get(pk=person.pk).is_active
