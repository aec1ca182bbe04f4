"""On the day (issue #21 point 5): a sign-in sheet to print, "mark everyone present", registers in
alphabetical order, minutes on the delivery record never dropped without a word, and the cohort
page and the day pages linking to each other."""

from django.urls import reverse

from core.roles import Role
from events.tests.factories import RegistrationFactory
from feedback.models import Attendance, SectionDelivery
from feedback.tests.factories import sections_of


def named(make_user, first: str, last: str):
    person = make_user(Role.PARTICIPANT)
    person.first_name, person.last_name = first, last
    person.save(update_fields=["first_name", "last_name"])
    return person


def test_the_sign_in_sheet_lists_the_day_alphabetically_with_organisation_access_needs_and_a_signature_column(
    client, cohort, day1, make_user, trainer
):
    RegistrationFactory(cohort=cohort, person=named(make_user, "Zara", "Young"), organisation="Leeds Primary")
    RegistrationFactory(
        cohort=cohort, person=named(make_user, "Amir", "Ahmed"), organisation="NHS Leeds", access_needs="Hearing loop"
    )
    client.force_login(trainer)

    page = client.get(reverse("feedback:sign_in_sheet", args=[day1.pk])).content.decode()

    assert page.index("Amir Ahmed") < page.index("Zara Young")
    assert "NHS Leeds" in page and "Hearing loop" in page
    assert '<th scope="col" class="sign-in-sheet__signature">Signature</th>' in page
    assert "sign-in-page" in page  # the print styles hide the site's header and footer


def test_someone_not_on_the_cohort_cannot_open_its_sign_in_sheet(client, day1, enrol, make_user):
    enrol()
    client.force_login(make_user(Role.TRAINER))

    assert client.get(reverse("feedback:sign_in_sheet", args=[day1.pk])).status_code == 404


def test_mark_everyone_present_keeps_the_marks_given(client, day1, enrol, trainer):
    people = [enrol(), enrol(), enrol()]
    client.force_login(trainer)

    response = client.post(
        reverse("feedback:register", args=[day1.pk]),
        {f"status_{people[0].pk}": "absent", f"note_{people[0].pk}": "Ill", "everyone_present": "1"},
    )

    assert response.status_code == 302
    assert dict(Attendance.objects.values_list("registration_id", "status")) == {
        people[0].pk: "absent",
        people[1].pk: "present",
        people[2].pk: "present",
    }


def test_minutes_typed_without_an_outcome_are_an_error_not_dropped(client, day1, programme, trainer):
    first = sections_of(programme["day1"])[0]
    client.force_login(trainer)

    response = client.post(reverse("feedback:record", args=[day1.pk]), {f"minutes_{first.pk}": "40"})

    assert response.status_code == 200
    assert f"Choose whether section {first.number} was covered, shortened or skipped" in response.content.decode()
    assert not SectionDelivery.objects.exists()


def test_the_cohort_page_and_the_day_pages_link_to_each_other(client, cohort, day1, trainer):
    client.force_login(trainer)

    cohort_page = client.get(reverse("events:cohort_team", args=[cohort.pk])).content.decode()
    day_page = client.get(reverse("feedback:register", args=[day1.pk])).content.decode()

    assert reverse("feedback:cohort_delivery", args=[cohort.pk]) in cohort_page
    assert reverse("events:cohort_team", args=[cohort.pk]) in day_page
