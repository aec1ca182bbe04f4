"""A participant's own courses: only theirs, with cancelling and answering an offer."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import PlaceOffer, Registration
from events.services.registrations import registration_cancel, registration_create
from events.tests.factories import RegistrationFactory, professional


def test_my_courses_lists_only_my_registrations(client, cohort, participant, make_person):
    RegistrationFactory(cohort=cohort, person=participant)
    someone_else = RegistrationFactory(cohort=cohort, person=make_person("Zed"), organisation="Other org")
    client.force_login(participant)

    page = client.get(reverse("events:my_registrations")).content.decode()

    assert cohort.title in page and "Place confirmed" in page
    assert reverse("events:registration_cancel", args=[someone_else.pk]) not in page


def test_a_confirmed_place_leads_to_its_course_page_and_a_waiting_one_does_not(client, make_cohort, participant):
    confirmed = RegistrationFactory(cohort=make_cohort(), person=participant)
    waiting = RegistrationFactory(cohort=make_cohort(), person=participant, status=Registration.Status.WAITING)
    client.force_login(participant)

    page = client.get(reverse("events:my_registrations")).content.decode()

    assert f'href="{reverse("feedback:course", args=[confirmed.pk])}"' in page
    assert reverse("feedback:course", args=[waiting.pk]) not in page
    assert client.get(reverse("feedback:course", args=[confirmed.pk])).status_code == 200


def test_the_participant_dashboard_lists_my_courses(client, cohort, participant):
    RegistrationFactory(cohort=cohort, person=participant)
    client.force_login(participant)

    page = client.get(reverse("dashboard_role", args=["participant"])).content.decode()

    assert cohort.title in page


def test_a_participant_cannot_cancel_someone_elses_place(client, cohort, participant, make_user):
    other = RegistrationFactory(cohort=cohort, person=make_user())
    client.force_login(participant)

    assert client.get(reverse("events:registration_cancel", args=[other.pk])).status_code == 404
    assert client.post(reverse("events:registration_cancel", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.status == Registration.Status.CONFIRMED


def test_a_participant_cancels_their_own_place_after_a_confirmation_page(client, cohort, participant):
    mine = RegistrationFactory(cohort=cohort, person=participant)
    client.force_login(participant)
    url = reverse("events:registration_cancel", args=[mine.pk])

    confirmation = client.get(url).content.decode()
    mine.refresh_from_db()
    assert mine.status == Registration.Status.CONFIRMED
    assert "Yes, cancel my place" in confirmation

    client.post(url)

    mine.refresh_from_db()
    assert mine.status == Registration.Status.CANCELLED


def test_after_the_first_day_a_participant_is_sent_to_their_facilitator(client, make_cohort, participant):
    mine = RegistrationFactory(cohort=make_cohort(days=(-1, 13)), person=participant)
    client.force_login(participant)
    url = reverse("events:registration_cancel", args=[mine.pk])

    assert url not in client.get(reverse("events:my_registrations")).content.decode()
    assert "Yes, cancel my place" not in client.get(url).content.decode()
    response = client.post(url, follow=True)

    assert "contact your Regional Facilitator" in response.content.decode()
    mine.refresh_from_db()
    assert mine.status == Registration.Status.CONFIRMED


def test_the_offer_link_accepts_without_signing_in(client, make_cohort, fill, make_user):
    cohort = make_cohort(capacity=6)
    leaving = fill(cohort, 6)[0]
    waiting = registration_create(cohort=cohort, person=make_user(), answers=professional(), actor=None)
    registration_cancel(registration=leaving, actor=None, reason="")
    url = reverse("events:offer", args=[PlaceOffer.objects.get().token])

    assert "Yes, I will take the place" in client.get(url).content.decode()
    client.post(url, {"decision": "accept"})

    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert "This offer is closed: accepted" in client.get(url).content.decode()


def test_my_courses_keeps_a_constant_number_of_queries(client, make_cohort, participant, django_assert_max_num_queries):
    RegistrationFactory(cohort=make_cohort(), person=participant)
    client.force_login(participant)
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("events:my_registrations"))
    for _ in range(5):
        RegistrationFactory(cohort=make_cohort(), person=participant)

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("events:my_registrations"))


def test_my_courses_shows_the_open_offer_of_a_place(client, make_cohort, fill, participant):
    cohort = make_cohort(capacity=6)
    leaving = fill(cohort, 6)[0]
    registration_create(cohort=cohort, person=participant, answers=professional(), actor=None)
    registration_cancel(registration=leaving, actor=None, reason="")
    client.force_login(participant)

    page = client.get(reverse("events:my_registrations")).content.decode()

    assert reverse("events:offer", args=[PlaceOffer.objects.get().token]) in page


def test_my_courses_looks_up_offers_only_for_places_offered(client, cohort, participant):
    """Only a registration offered a place holds an open offer, so a confirmed one needs no look-up."""
    RegistrationFactory(cohort=cohort, person=participant)
    client.force_login(participant)

    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("events:my_registrations")).content.decode()

    assert cohort.title in page
    assert not [query for query in queries if 'FROM "events_placeoffer"' in query["sql"]]


def test_my_data_shows_the_sectors_by_their_wording(client, cohort, participant):
    RegistrationFactory(cohort=cohort, person=participant, sectors=["education", "voluntary"])
    client.force_login(participant)

    page = client.get(reverse("my_data")).content.decode()

    assert "<dt>Sectors I work in</dt><dd>Education, Voluntary sector</dd>" in page
