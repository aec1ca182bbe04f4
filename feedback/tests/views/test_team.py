"""The delivery team's screens: the register, records, reading completion and results (issue #6 points 1–4).

Listing pages keep a constant number of queries however many participants there are (CONVENTIONS.md).
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import ConsentPurpose
from core.services.consent import consent_record
from events.models import Preparation
from events.tests.factories import parent_carer
from feedback.models import Attendance, OpenQuestion
from feedback.services.materials import material_add
from feedback.tests.factories import attend, sections_of


def test_the_register_shows_reading_preparation_access_needs_and_the_accredited_route(client, day1, enrol, trainer):
    enrol(access_needs="Hearing loop", accredited_route=True)
    parent = enrol(**parent_carer())
    Preparation.objects.create(registration=parent, support_contact="Sue")
    client.force_login(trainer)

    page = client.get(reverse("feedback:register", args=[day1.pk])).content.decode()

    assert "Access needs: Hearing loop" in page and "Accredited route" in page
    assert "Pre-reading: <strong>not started</strong>" in page
    assert "still needs a conversation before the course" in page
    assert page.count('type="radio"') == 8


def test_taking_the_register_in_one_post(client, day1, registration, enrol, trainer):
    other = enrol()
    client.force_login(trainer)

    response = client.post(
        reverse("feedback:register", args=[day1.pk]),
        {f"status_{registration.pk}": "present", f"status_{other.pk}": "absent", f"note_{other.pk}": "Ill"},
    )

    assert response.status_code == 302
    assert dict(Attendance.objects.values_list("registration_id", "status")) == {
        registration.pk: "present",
        other.pk: "absent",
    }


def test_the_register_reads_of_the_day_only_the_course_name_and_kind(client, day1, registration, trainer):
    """The course is a Wagtail page of some thirty columns; the register shows its title (issue #8),
    and no column it leaves out of the day, its course or its cohort is fetched later."""
    client.force_login(trainer)
    url = reverse("feedback:register", args=[day1.pk])
    client.get(url)  # warm the programme's settings

    with CaptureQueriesContext(connection) as queries:
        client.get(url)

    (day,) = [query["sql"] for query in queries if query["sql"].startswith('SELECT "events_session"')]
    assert '"wagtailcore_page"."title"' in day and '"wagtailcore_page"."slug"' not in day
    tables = re.findall(r'FROM "(\w+)"(?! [A-Z]\d)', " ".join(query["sql"] for query in queries))
    assert tables.count("events_session") == 1
    assert not {"events_cohort", "wagtailcore_page", "courses_coursepage"} & set(tables)
    assert client.post(url, {f"status_{registration.pk}": "present"}).status_code == 302


def test_a_shadow_reads_the_register_but_cannot_save_it(client, day1, registration, shadow):
    client.force_login(shadow)

    page = client.get(reverse("feedback:register", args=[day1.pk])).content.decode()
    response = client.post(reverse("feedback:register", args=[day1.pk]), {f"status_{registration.pk}": "present"})

    assert "Save the register" not in page
    assert response.status_code == 200 and "Only the cohort" in response.content.decode()
    assert not Attendance.objects.exists()


def test_the_register_reads_the_marks_and_the_guests_cohorts_with_the_people(client, day1, enrol, make_cohort, shadow):
    """Each person's mark and a Day 1 guest's cohort title come in the registrations' query: no
    query of the attendance or of cohorts of its own (issue #8)."""
    attend(enrol(), day1, status="late")
    enrol(on=make_cohort(title="Leeds, autumn"), day1_cohort=day1.cohort)
    client.force_login(shadow)
    client.get(reverse("feedback:register", args=[day1.pk]))  # warm the programme's settings

    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("feedback:register", args=[day1.pk])).content.decode()

    assert "Arrived late" in page and "Not marked yet" in page and "From Leeds, autumn (Day 1 only)" in page
    tables = [re.search(r'FROM "(\w+)"', query["sql"]).group(1) for query in queries]
    assert "feedback_attendance" not in tables and "events_cohort" not in tables


def measure(client, url, grow, django_assert_max_num_queries, limit: int):
    client.get(url)  # warm caches (site, settings)
    with django_assert_max_num_queries(limit) as few:
        assert client.get(url).status_code == 200
    grow()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("page", ["register", "cohort_readings", "cohort_results"])
def test_listing_pages_keep_a_constant_number_of_queries(
    client, page, day1, programme, enrol, trainer, form, django_assert_max_num_queries
):
    def grow():
        for _ in range(5):
            registration = enrol(access_needs="Step-free access", **parent_carer())
            Preparation.objects.create(registration=registration)
            attend(registration, day1)

    grow()
    client.force_login(trainer)
    target = day1.pk if page == "register" else day1.cohort_id
    measure(client, reverse(f"feedback:{page}", args=[target]), grow, django_assert_max_num_queries, 40)


def test_the_sections_form_saves_actual_minutes(client, day1, programme, trainer):
    first = sections_of(programme["day1"])[0]
    client.force_login(trainer)

    response = client.post(
        reverse("feedback:record", args=[day1.pk]), {f"outcome_{first.pk}": "covered", f"minutes_{first.pk}": "55"}
    )

    assert response.status_code == 302
    assert "recorded so far: 55 minutes" in client.get(reverse("feedback:record", args=[day1.pk])).content.decode()


def test_questions_are_recorded_escalated_and_answered_from_the_day(client, day1, registration, trainer):
    client.force_login(trainer)
    client.post(reverse("feedback:questions", args=[day1.pk]), {"text": "Who funds short breaks?"})
    question = OpenQuestion.objects.get()

    client.post(reverse("feedback:question_escalate", args=[question.pk]), {"to": "central", "note": ""})
    client.post(reverse("feedback:question_answer", args=[question.pk]), {"answer": "The council."})

    question.refresh_from_db()
    assert question.status == "answered" and question.participants_told == 1
    client.force_login(registration.person)
    assert "The council." in client.get(reverse("feedback:course", args=[registration.pk])).content.decode()


def test_the_materials_page_says_whose_consent_is_missing(client, day1, registration, trainer):
    material_add(
        session=day1,
        kind="notes",
        caption="Group photo notes",
        text="Outcomes",
        shows_people=True,
        tagged=[registration.person],
        actor=trainer,
    )
    client.force_login(trainer)
    url = reverse("feedback:materials", args=[day1.pk])

    assert f"waiting for photo consent from {registration.person}" in client.get(url).content.decode()
    consent_record(person=registration.person, purpose=ConsentPurpose.PHOTOS, given=True)
    assert "Shared with the cohort" in client.get(url).content.decode()


def test_incidents_page_lists_them_for_the_lead_only(client, day1, trainer, co_trainer):
    client.force_login(co_trainer)
    client.post(reverse("feedback:incidents", args=[day1.pk]), {"what_happened": "A heated exchange", "response": ""})
    assert "A heated exchange" not in client.get(reverse("feedback:incidents", args=[day1.pk])).content.decode()

    client.force_login(trainer)
    assert "A heated exchange" in client.get(reverse("feedback:incidents", args=[day1.pk])).content.decode()


def test_the_trainers_dashboard_links_to_the_delivery_pages(client, cohort, trainer):
    client.force_login(trainer)

    page = client.get(reverse("dashboard_role", args=["trainer"])).content.decode()

    assert reverse("feedback:cohort_delivery", args=[cohort.pk]) in page
