"""The shared cohort page: the facilitator and every trainer on the cohort, nobody else (DOMAIN.md §4)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.roles import Role
from events.models import PlaceOffer, Preparation, Registration
from events.tests.factories import RegistrationFactory, parent_carer


def test_a_trainer_on_the_cohort_sees_registrations_and_the_mix_as_they_arrive(client, cohort, trainer, make_person):
    RegistrationFactory(cohort=cohort, person=make_person("Rosa", "Diaz"), access_needs="Hearing loop")
    client.force_login(trainer)

    page = client.get(reverse("events:cohort_team", args=[cohort.pk])).content.decode()

    assert "Rosa Diaz" in page and "Hearing loop" in page
    assert "No one from social care yet" in page


@pytest.mark.parametrize("who", ["other_trainer", "participant", "other_facilitator"])
def test_anyone_else_gets_nothing(client, cohort, make_user, other_region, who):
    person = {
        "other_trainer": lambda: make_user(Role.TRAINER),
        "participant": lambda: make_user(Role.PARTICIPANT),
        "other_facilitator": lambda: make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[other_region]),
    }[who]()
    client.force_login(person)

    assert client.get(reverse("events:cohort_team", args=[cohort.pk])).status_code == 404


def test_the_facilitator_of_the_region_sees_it(client, cohort, facilitator):
    client.force_login(facilitator)

    assert client.get(reverse("events:cohort_team", args=[cohort.pk])).status_code == 200


def test_unprepared_parent_carers_are_listed_and_prepared_through_the_form(client, cohort, trainer, make_person):
    parent = RegistrationFactory(cohort=cohort, person=make_person("Pat"), **parent_carer())
    client.force_login(trainer)
    page = client.get(reverse("events:cohort_team", args=[cohort.pk])).content.decode()
    assert "still needs a preparation record" in page

    url = reverse("events:preparation", args=[cohort.pk, parent.pk])
    response = client.post(
        url,
        {"role": "speaker", "support_contact": "Sue, 07700 900000", "conversation_done": "on", "venue_checked": "on"},
    )

    assert response.status_code == 302
    assert Preparation.objects.get(registration=parent).missing_steps() == []
    assert "Everyone who needs preparing is prepared." in client.get(response["Location"]).content.decode()


def test_sessions_outside_parents_hours_are_flagged(client, cohort, trainer):
    client.force_login(trainer)

    page = client.get(reverse("events:cohort_team", args=[cohort.pk])).content.decode()

    assert page.count("Outside the hours most parents can attend") == 2


def test_the_trainer_dashboard_lists_their_cohorts(client, cohort, trainer):
    client.force_login(trainer)

    page = client.get(reverse("dashboard_role", args=["trainer"])).content.decode()

    assert reverse("events:cohort_team", args=[cohort.pk]) in page


def test_the_team_page_keeps_a_constant_number_of_queries(
    client, cohort, trainer, make_user, django_assert_max_num_queries
):
    for _ in range(3):
        RegistrationFactory(cohort=cohort, person=make_user(), **parent_carer())
    client.force_login(trainer)
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("events:cohort_team", args=[cohort.pk]))
    for _ in range(10):
        RegistrationFactory(cohort=cohort, person=make_user(), **parent_carer())

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("events:cohort_team", args=[cohort.pk]))


def test_the_team_page_reads_the_cohort_and_its_registrations_once(client, make_cohort, cohort, trainer, make_person):
    """The visible cohort is the one the overview reads, and the cohort's people and its Day 1
    guests from other cohorts come in one query (issue #8)."""
    elsewhere, guests_from = make_cohort(title="Elsewhere"), make_cohort(title="Guests from")
    RegistrationFactory(cohort=cohort, person=make_person("Rosa"))
    RegistrationFactory(cohort=cohort, person=make_person("Moved"), day1_cohort=elsewhere)
    RegistrationFactory(cohort=guests_from, person=make_person("Guest"), day1_cohort=cohort)
    offered = RegistrationFactory(cohort=cohort, person=make_person("Olu"), status=Registration.Status.OFFERED)
    PlaceOffer.objects.create(registration=offered, expires_at=timezone.now() + datetime.timedelta(hours=30))
    RegistrationFactory(cohort=cohort, person=make_person("Wai"), status=Registration.Status.WAITING)
    client.force_login(trainer)

    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("events:cohort_team", args=[cohort.pk])).content.decode()

    assert "Rosa Person" in page and "Day 1 with Elsewhere" in page and "Guest Person (from Guests from)" in page
    assert "Olu Person: offered a place, until" in page and "Wai Person" in page
    rows_of = [query["sql"].split(".", 1)[0] for query in queries]
    assert rows_of.count('SELECT "events_cohort"') == 1
    assert rows_of.count('SELECT "events_registration"') == 1


def test_the_team_page_reads_the_team_once_and_of_each_day_only_the_course_name(client, cohort, trainer, make_user):
    """The Team list and the trainers' checklists share `Cohort.team`; the days need the course's
    title and kind, not the rest of its Wagtail page (issue #8)."""
    cohort.delivery_assignments.create(trainer=make_user(Role.TRAINER), role="co_trainer")
    client.force_login(trainer)

    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("events:cohort_team", args=[cohort.pk])).content.decode()

    assert page.count("Co-trainer") == 2  # in the Team list and in the checklists
    team_reads = [query for query in queries if 'FROM "trainers_deliveryassignment"' in query["sql"]]
    assert len(team_reads) == 1
    (days,) = [query["sql"] for query in queries if query["sql"].startswith('SELECT "events_session"."id"')]
    assert '"wagtailcore_page"."title"' in days and '"wagtailcore_page"."slug"' not in days


def test_the_team_page_lists_people_and_the_waiting_list_in_the_order_they_registered(
    client, cohort, trainer, make_person
):
    now = timezone.now()
    for name, status, hours_ago in [
        ("Later", Registration.Status.CONFIRMED, 1),
        ("Earlier", Registration.Status.CONFIRMED, 5),
        ("Second", Registration.Status.WAITING, 2),
        ("First", Registration.Status.WAITING, 3),
    ]:
        RegistrationFactory(
            cohort=cohort,
            person=make_person(name),
            status=status,
            registered_at=now - datetime.timedelta(hours=hours_ago),
        )
    client.force_login(trainer)

    page = client.get(reverse("events:cohort_team", args=[cohort.pk])).content.decode()

    assert page.index("Earlier Person") < page.index("Later Person")
    assert page.index("First Person") < page.index("Second Person")


def test_the_cohort_page_says_when_it_is_below_the_usual_size(client, cohort, facilitator, fill):
    fill(cohort, 8)
    client.force_login(facilitator)

    page = client.get(reverse("events:cohort_team", args=[cohort.pk])).content.decode()

    assert "8 confirmed: below the usual size of 16." in page
