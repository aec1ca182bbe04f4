"""No overbooking when people register at the same moment (issue #4 point 2).

Forty threads, each with its own database connection, race for the last five places. Only
PostgreSQL takes row locks (`SELECT … FOR UPDATE`); SQLite serialises whole writes instead, so this
test runs where production runs, in CI on PostgreSQL.
"""

import threading

import pytest
from django.db import connection

from events.models import Registration
from events.services.registrations import registration_create
from events.tests.factories import professional

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Row locks need PostgreSQL: set DATABASE_URL to run this test."
)


@pytest.mark.django_db(transaction=True)
def test_forty_people_racing_for_five_places(make_cohort, fill, make_user):
    cohort = make_cohort(capacity=20)
    fill(cohort, 15)
    people = [make_user() for _ in range(40)]
    start = threading.Barrier(len(people))
    errors = []

    def register(person):
        try:
            start.wait()
            registration_create(cohort=cohort, person=person, answers=professional(), actor=person)
        except Exception as error:  # collected and asserted on below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    racers = Registration.objects.filter(person__in=people)
    assert racers.filter(status=Registration.Status.CONFIRMED).count() == 5
    assert racers.filter(status=Registration.Status.WAITING).count() == 35
    assert Registration.objects.filter(cohort=cohort, status=Registration.Status.CONFIRMED).count() == 20
