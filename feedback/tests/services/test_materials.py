"""Flipchart photos and notes shared with the cohort, respecting photo consent (000:L2703–2711, DOMAIN.md §9)."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.models import ModelLogEntry

from core.models import ConsentPurpose, Notification
from core.services.consent import consent_record
from feedback import messages
from feedback.models import SessionMaterial
from feedback.selectors.materials import is_shared
from feedback.services.materials import material_add, material_remove


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
