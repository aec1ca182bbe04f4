"""The task worker runs the sweeps the scheduler also runs as commands."""

import datetime

from django.core import mail
from freezegun import freeze_time

from events.models import PlaceOffer, Registration
from events.services.registrations import registration_cancel, registration_create
from events.tasks import send_due_cohort_messages
from events.tests.factories import RegistrationFactory, professional


def test_the_worker_sends_due_packs(make_cohort, participant, run_tasks):
    RegistrationFactory(cohort=make_cohort(days=(10, 20)), person=participant)

    send_due_cohort_messages.enqueue()
    run_tasks()

    assert any("pre-course pack" in email.subject for email in mail.outbox)


def test_each_offer_asks_the_worker_to_expire_it_when_due(make_cohort, fill, make_user, run_tasks):
    cohort = make_cohort(capacity=6)
    leaving = fill(cohort, 6)[0]
    waiting = registration_create(cohort=cohort, person=make_user(), answers=professional(), actor=None)
    registration_cancel(registration=leaving, actor=None, reason="")
    offer = PlaceOffer.objects.get()

    run_tasks()
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.OFFERED

    with freeze_time(offer.expires_at + datetime.timedelta(minutes=1)):
        run_tasks()

    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CANCELLED
