"""Freed places go to the waiting list in order, by email, for a limited time (issue #4 point 2)."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import ModelLogEntry

from events.models import PlaceOffer, Registration
from events.services.registrations import registration_cancel, registration_create
from events.services.waiting_list import offer_accept, offer_decline, offers_expire, waiting_list_refill
from events.tests.factories import professional


@pytest.fixture
def full_cohort(make_cohort, fill):
    cohort = make_cohort(capacity=6)
    fill(cohort, 6)
    return cohort


@pytest.fixture
def waiting(full_cohort, make_user):
    """Three people waiting, in the order they registered."""
    return [
        registration_create(cohort=full_cohort, person=make_user(), answers=professional(), actor=None)
        for _ in range(3)
    ]


def free_places(cohort, count):
    for registration in Registration.objects.filter(cohort=cohort, status=Registration.Status.CONFIRMED)[:count]:
        registration_cancel(registration=registration, actor=None, reason="Cannot come")


def statuses(registrations):
    return [Registration.objects.get(pk=registration.pk).status for registration in registrations]


def test_freed_places_are_offered_in_order(full_cohort, waiting):
    free_places(full_cohort, 2)

    assert statuses(waiting) == ["offered", "offered", "waiting"]
    offer = PlaceOffer.objects.get(registration=waiting[0])
    assert offer.expires_at - offer.offered_at == datetime.timedelta(hours=48)


def test_the_hold_time_is_a_setting(full_cohort, waiting, set_rules):
    set_rules(offer_hold_hours=6)

    free_places(full_cohort, 1)

    offer = PlaceOffer.objects.get()
    assert offer.expires_at - offer.offered_at == datetime.timedelta(hours=6)


def test_accepting_confirms_the_place_and_sends_the_confirmation(full_cohort, waiting, run_tasks):
    free_places(full_cohort, 1)
    run_tasks()
    offer_email = next(email for email in mail.outbox if "has come free" in email.subject)
    offer = PlaceOffer.objects.get()
    assert str(offer.token) in offer_email.body

    offer_accept(offer=offer, actor=waiting[0].person)
    run_tasks()

    assert statuses(waiting) == ["confirmed", "waiting", "waiting"]
    assert ModelLogEntry.objects.filter(action="events.offer.accept", object_id=str(waiting[0].pk)).exists()
    assert any("is confirmed" in email.subject and email.to == [waiting[0].person.email] for email in mail.outbox)


def test_an_answered_offer_cannot_be_answered_again(full_cohort, waiting):
    free_places(full_cohort, 1)
    offer = PlaceOffer.objects.get()
    offer_accept(offer=offer, actor=None)

    with pytest.raises(ValidationError) as refused:
        offer_decline(offer=offer, actor=None)

    assert refused.value.code == "offer_closed"
    assert statuses(waiting)[0] == "confirmed"


def test_an_offer_past_its_time_cannot_be_accepted(full_cohort, waiting):
    free_places(full_cohort, 1)
    offer = PlaceOffer.objects.get()

    with freeze_time(timezone.now() + datetime.timedelta(hours=49)), pytest.raises(ValidationError) as refused:
        offer_accept(offer=offer, actor=None)

    assert refused.value.code == "offer_expired"
    assert statuses(waiting)[0] == "offered"


def test_declining_passes_the_place_to_the_next_person(full_cohort, waiting):
    free_places(full_cohort, 1)

    offer_decline(offer=PlaceOffer.objects.get(), actor=waiting[0].person)

    assert statuses(waiting) == ["cancelled", "offered", "waiting"]
    assert ModelLogEntry.objects.filter(action="events.offer.decline").exists()


def test_an_offer_not_answered_in_time_moves_to_the_next_person(full_cohort, waiting, run_tasks):
    free_places(full_cohort, 1)
    run_tasks()
    mail.outbox.clear()

    with freeze_time(timezone.now() + datetime.timedelta(hours=47)):
        assert offers_expire() == 0
    with freeze_time(timezone.now() + datetime.timedelta(hours=49)):
        assert offers_expire() == 1
    run_tasks()

    assert statuses(waiting) == ["cancelled", "offered", "waiting"]
    assert PlaceOffer.objects.get(registration=waiting[0]).outcome == PlaceOffer.Outcome.EXPIRED
    assert ModelLogEntry.objects.filter(action="events.offer.expire", object_id=str(waiting[0].pk)).exists()
    assert sorted(email.subject.split()[0] for email in mail.outbox) == ["A", "The"]
    assert {email.to[0] for email in mail.outbox} == {waiting[0].person.email, waiting[1].person.email}


def test_the_command_expires_offers(full_cohort, waiting, capsys):
    free_places(full_cohort, 1)

    with freeze_time(timezone.now() + datetime.timedelta(days=3)):
        call_command("expire_waiting_list_offers")

    assert "1 offer(s) expired" in capsys.readouterr().out
    assert statuses(waiting) == ["cancelled", "offered", "waiting"]


def test_more_places_are_offered_to_the_people_waiting(full_cohort, waiting):
    full_cohort.capacity = 8
    full_cohort.save()

    waiting_list_refill(cohort=full_cohort, actor=None)

    assert statuses(waiting) == ["offered", "offered", "waiting"]
