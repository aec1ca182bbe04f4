"""Flipchart photos and notes shared with the cohort, respecting photo consent (000:L2703–2711, DOMAIN.md §9)."""

import importlib
import io
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.models import ModelLogEntry

from core.models import ConsentPurpose, Notification, Region
from core.roles import Role
from core.services.consent import consent_record
from feedback import messages
from feedback.models import SessionMaterial
from feedback.selectors.materials import is_shared
from feedback.services.materials import material_add, material_remove
from trainers.storage import private_storage


def photo(name="flipchart.png") -> SimpleUploadedFile:
    data = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(data, "PNG")
    return SimpleUploadedFile(name, data.getvalue(), content_type="image/png")


def add_photo(day1, trainer, **kwargs):
    return material_add(session=day1, kind="photo", caption="Issues flipchart", file=photo(), actor=trainer, **kwargs)


def test_a_photo_of_a_flipchart_alone_is_shared_and_participants_are_told_once(day1, trainer, registration):
    material = add_photo(day1, trainer)
    add_photo(day1, trainer)

    assert is_shared(material)
    assert material.file.name.startswith("feedback/materials/") and "flipchart" not in material.file.name
    assert Notification.objects.filter(message=messages.MATERIALS_SHARED, recipient=registration.person).count() == 1
    assert ModelLogEntry.objects.filter(action="feedback.material.add").count() == 2


def test_a_photo_showing_people_is_shared_only_when_everyone_tagged_consented(day1, trainer, registration, enrol):
    other = enrol()
    consent_record(person=registration.person, purpose=ConsentPurpose.PHOTOS, given=True)

    material = add_photo(day1, trainer, shows_people=True, tagged=[registration.person, other.person])
    assert not is_shared(material)
    assert not Notification.objects.filter(message=messages.MATERIALS_SHARED).exists()

    consent_record(person=other.person, purpose=ConsentPurpose.PHOTOS, given=True)
    assert is_shared(material)

    consent_record(person=other.person, purpose=ConsentPurpose.PHOTOS, given=False)
    assert not is_shared(material)


def test_a_photo_showing_people_with_nobody_tagged_is_not_shared(day1, trainer, registration):
    assert not is_shared(add_photo(day1, trainer, shows_people=True))


def test_participants_open_shared_files_through_the_checked_view_only(client, day1, trainer, registration, enrol):
    shared = add_photo(day1, trainer)
    withheld = add_photo(day1, trainer, tagged=[enrol().person])
    client.force_login(registration.person)

    response = client.get(reverse("feedback:material_file", args=[shared.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "private, no-store"
    assert client.get(reverse("feedback:material_file", args=[withheld.pk])).status_code == 404
    assert client.get(f"/media/{shared.file.name}").status_code == 404


def test_people_outside_the_cohort_cannot_open_them(client, day1, trainer, make_cohort, enrol, facilitator):
    material = add_photo(day1, trainer)
    outsider = enrol(on=make_cohort())
    client.force_login(outsider.person)
    assert client.get(reverse("feedback:material_file", args=[material.pk])).status_code == 404

    client.force_login(facilitator)
    assert client.get(reverse("feedback:material_file", args=[material.pk])).status_code == 200


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"kind": "photo"}, "file_required"),
        ({"kind": "notes"}, "notes_required"),
    ],
)
def test_uploads_need_something_to_share(day1, trainer, kwargs, code):
    with pytest.raises(ValidationError) as error:
        material_add(session=day1, caption="Nothing", actor=trainer, **kwargs)

    assert error.value.code == code
    assert not SessionMaterial.objects.exists()


def test_only_people_on_the_cohort_can_be_tagged(day1, trainer, make_user):
    with pytest.raises(ValidationError) as error:
        add_photo(day1, trainer, tagged=[make_user()])

    assert error.value.code == "not_in_cohort"
    assert not SessionMaterial.objects.exists()


def test_removing_deletes_the_record(day1, trainer, django_capture_on_commit_callbacks):
    material = material_add(session=day1, kind="notes", caption="Notes", text="Key outcomes", actor=trainer)

    with django_capture_on_commit_callbacks(execute=True):
        material_remove(material=material, actor=trainer)

    assert not SessionMaterial.objects.exists()
    assert ModelLogEntry.objects.filter(action="feedback.material.remove").exists()


def test_photos_are_kept_in_the_private_folder_with_no_public_address(client, day1, trainer, settings):
    """Like CVs: under MEDIA_ROOT/private/, never under MEDIA_URL (issue #19 point 5)."""
    material = add_photo(day1, trainer)

    assert material.file.storage is private_storage
    assert Path(material.file.path).is_relative_to(Path(settings.MEDIA_ROOT) / "private")
    assert not default_storage.exists(material.file.name)
    with pytest.raises(ValueError):
        material.file.url  # noqa: B018 - asking for the address is what fails
    assert client.get(f"{settings.MEDIA_URL}{material.file.name}").status_code == 404
    assert client.get(f"{settings.MEDIA_URL}private/{material.file.name}").status_code == 404


def test_the_team_and_staff_fetch_a_photo_and_nobody_else(client, day1, trainer, co_trainer, facilitator, make_user):
    material = add_photo(day1, trainer)
    url = reverse("feedback:material_file", args=[material.pk])
    other_region = Region.objects.create(code="E12000002", name="North West")
    allowed = [trainer, co_trainer, facilitator, make_user(Role.PROGRAMME_ADMIN, mfa=True)]
    refused = [
        make_user(Role.TRAINER),
        make_user(Role.PARTICIPANT),
        make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[other_region]),
    ]

    for person in allowed:
        client.force_login(person)
        assert client.get(url).status_code == 200, person
    for person in refused:
        client.force_login(person)
        assert client.get(url).status_code == 404, person
    client.logout()
    assert client.get(url).status_code == 302


def test_the_migration_moves_existing_public_photos_to_the_private_folder(day1, trainer):
    """Files uploaded before photos were private: moved once, by name, the public copy gone."""
    material = add_photo(day1, trainer)
    name = material.file.name
    content = private_storage.open(name).read()
    private_storage.delete(name)
    default_storage.save(name, ContentFile(content))
    migration = importlib.import_module("feedback.migrations.0002_materials_in_private_storage")

    migration.to_private(django_apps, None)
    migration.to_private(django_apps, None)  # a second run changes nothing

    assert private_storage.open(name).read() == content
    assert not default_storage.exists(name)
