"""Consent per purpose: recorded with its wording and date, withdrawable (DOMAIN.md §9)."""

from django.urls import reverse
from wagtail.models import ModelLogEntry

from core.models import ConsentDecision, ConsentPurpose, ConsentWording
from core.roles import Role
from core.services.consent import consent_record, has_consent, people_with_consent


def test_no_decision_means_no_consent(make_user):
    assert not has_consent(make_user(Role.PARTICIPANT), ConsentPurpose.PHOTOS)


def test_a_decision_is_recorded_with_todays_wording_and_audited(make_user):
    person = make_user(Role.PARTICIPANT)

    decision = consent_record(person=person, purpose=ConsentPurpose.PHOTOS, given=True)

    assert has_consent(person, ConsentPurpose.PHOTOS)
    assert not has_consent(person, ConsentPurpose.STORY)
    assert decision.wording == ConsentWording.objects.filter(purpose="photos").latest()
    assert decision.recorded_at is not None
    assert ModelLogEntry.objects.filter(action="core.consent.give", object_id=str(person.pk)).exists()


def test_withdrawing_keeps_the_history(make_user):
    person = make_user(Role.PARTICIPANT)
    consent_record(person=person, purpose=ConsentPurpose.PHOTOS, given=True)

    consent_record(person=person, purpose=ConsentPurpose.PHOTOS, given=False)

    assert not has_consent(person, ConsentPurpose.PHOTOS)
    assert list(ConsentDecision.objects.filter(person=person).order_by("pk").values_list("given", flat=True)) == [
        True,
        False,
    ]
    assert ModelLogEntry.objects.filter(action="core.consent.withdraw", object_id=str(person.pk)).exists()


def test_the_same_decision_twice_records_nothing_new(make_user):
    person = make_user(Role.PARTICIPANT)
    consent_record(person=person, purpose=ConsentPurpose.RESEARCH, given=True)

    assert consent_record(person=person, purpose=ConsentPurpose.RESEARCH, given=True) is None
    assert ConsentDecision.objects.filter(person=person).count() == 1


def test_new_wording_leaves_old_decisions_on_their_old_words(make_user):
    person = make_user(Role.PARTICIPANT)
    first = consent_record(person=person, purpose=ConsentPurpose.STORY, given=True)

    ConsentWording.objects.create(purpose=ConsentPurpose.STORY, text="New words")
    again = consent_record(person=person, purpose=ConsentPurpose.STORY, given=True)

    first.refresh_from_db()
    assert first.wording.text != "New words"
    assert again.wording.text == "New words"


def test_people_with_consent_reads_the_latest_decision_of_each(make_user, django_assert_num_queries):
    yes, withdrawn, never = (make_user(Role.PARTICIPANT) for _ in range(3))
    consent_record(person=yes, purpose=ConsentPurpose.PHOTOS, given=True)
    consent_record(person=withdrawn, purpose=ConsentPurpose.PHOTOS, given=True)
    consent_record(person=withdrawn, purpose=ConsentPurpose.PHOTOS, given=False)

    with django_assert_num_queries(1):
        ids = people_with_consent([yes.pk, withdrawn.pk, never.pk], ConsentPurpose.PHOTOS)

    assert ids == {yes.pk}


def test_the_consent_page_records_each_answer(client, make_user):
    person = make_user(Role.PARTICIPANT)
    client.force_login(person)
    page = client.get(reverse("consent"))
    assert ConsentWording.objects.filter(purpose="photos").latest().text in page.content.decode()

    response = client.post(reverse("consent"), {"photos": "yes", "story": "no"})

    assert response.status_code == 302
    assert has_consent(person, ConsentPurpose.PHOTOS)
    assert not has_consent(person, ConsentPurpose.STORY)
    assert not ConsentDecision.objects.filter(person=person, purpose="research").exists()
    assert "You said yes on" in client.get(reverse("consent")).content.decode()


def test_consent_wording_can_be_added_but_not_edited_in_the_admin(client, make_user):
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))
    wording = ConsentWording.objects.filter(purpose="photos").latest()

    added = client.post(reverse("consent_wording:add"), {"purpose": "photos", "text": "Newer words"})
    edit = client.get(reverse("consent_wording:edit", args=[wording.pk]))

    assert added.status_code == 302
    assert ConsentWording.objects.filter(purpose="photos").latest().text == "Newer words"
    assert edit.status_code in (302, 403)
