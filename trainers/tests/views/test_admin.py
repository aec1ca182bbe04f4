"""The trainers admin: scoped by region for facilitators, full for programme admins; state changes
through action views; the team screen; the import."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.roles import Role
from trainers.models import DeliveryAssignment, Stage, TrainerProfile
from trainers.tests.factories import ApplicationFactory, TrainerProfileFactory


@pytest.fixture
def elsewhere(make_trainer, other_region):
    return TrainerProfile.objects.get(person=make_trainer(Stage.ACCREDITED, region=other_region))


def refused(response) -> bool:
    """Not found, forbidden, or Wagtail's refusal: back to the admin's home page with a message."""
    return response.status_code in (403, 404) or response.get("Location") == reverse("wagtailadmin_home")


@pytest.fixture
def signed_in(client, facilitator):
    client.force_login(facilitator)
    return client


def test_a_facilitator_lists_their_regions_trainers_only(signed_in, make_trainer, elsewhere):
    mine = TrainerProfile.objects.get(person=make_trainer(Stage.ACCREDITED))
    mine.person.last_name = "Mine"
    mine.person.save()
    elsewhere.person.last_name = "Elsewhere"
    elsewhere.person.save()

    page = signed_in.get(reverse("trainer_profiles:index")).content.decode()

    assert "Mine" in page and "Elsewhere" not in page


def test_each_name_in_the_trainer_list_leads_to_the_trainer_sorted_by_surname(
    client, facilitator, programme_admin, make_trainer
):
    zed, abel = (TrainerProfile.objects.get(person=make_trainer(Stage.ACCREDITED)) for _ in range(2))
    for profile, first_name, last_name in ((zed, "Ann", "Zed"), (abel, "Zoe", "Abel")):
        profile.person.first_name, profile.person.last_name = first_name, last_name
        profile.person.save()

    client.force_login(facilitator)
    page = client.get(reverse("trainer_profiles:index"), {"ordering": "person__last_name"}).content.decode()
    client.force_login(programme_admin)
    admins = client.get(reverse("trainer_profiles:index")).content.decode()

    inspect = reverse("trainer_profiles:inspect", args=[abel.pk])
    assert re.search(rf'<a href="{inspect}"\s*>\s*Zoe Abel\s*</a>', page)  # a facilitator may look, not edit
    assert page.index("Zoe Abel") < page.index("Ann Zed")
    assert re.search(rf'<a href="{reverse("trainer_profiles:edit", args=[zed.pk])}"\s*>\s*Ann Zed\s*</a>', admins)
    assert "More options for &#x27;Ann Zed&#x27;" in admins


@pytest.mark.parametrize(
    "url_name", ["trainer_profiles:inspect", "trainer_profiles:history", "trainer_profiles:suspend"]
)
def test_another_regions_trainer_is_not_found(signed_in, elsewhere, url_name):
    assert signed_in.get(reverse(url_name, args=[elsewhere.pk])).status_code == 404 or url_name.endswith("suspend")
    assert refused(signed_in.get(reverse(url_name, args=[elsewhere.pk])))


def test_facilitators_do_not_edit_trainers(signed_in, elsewhere):
    assert refused(signed_in.get(reverse("trainer_profiles:edit", args=[elsewhere.pk])))


def test_facilitators_do_not_change_trainers_or_read_applications(signed_in, make_trainer):
    profile = TrainerProfile.objects.get(person=make_trainer(Stage.CO_TRAINED))
    application = ApplicationFactory(profile=profile)

    assert refused(signed_in.post(reverse("trainer_profiles:accredit", args=[profile.pk])))
    assert refused(signed_in.get(reverse("trainer_applications:inspect", args=[application.pk])))
    profile.refresh_from_db()
    assert profile.stage == Stage.CO_TRAINED


def test_trainers_and_participants_have_no_admin(client, make_user, elsewhere):
    for role in (Role.TRAINER, Role.PARTICIPANT):
        client.force_login(make_user(role))
        assert client.get(reverse("trainer_profiles:inspect", args=[elsewhere.pk])).status_code == 403


def list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("trainer_profiles:index")).status_code == 200
    return len(queries)


def test_the_trainer_list_reads_a_fixed_number_of_queries_as_trainers_grow(
    client, programme_admin, make_user, region, lead_trainer, django_assert_max_num_queries
):
    client.force_login(programme_admin)
    TrainerProfileFactory(person=make_user(), region=region, mentor=lead_trainer)
    few = list_queries(client)

    for _ in range(15):
        TrainerProfileFactory(person=make_user(), region=region, mentor=lead_trainer)

    with django_assert_max_num_queries(few):
        client.get(reverse("trainer_profiles:index"))


def test_the_trainer_page_reads_a_fixed_number_of_queries(
    client, programme_admin, make_trainer, make_cohort, django_assert_max_num_queries
):
    client.force_login(programme_admin)
    trainee = make_trainer(Stage.SHADOWED)
    profile = TrainerProfile.objects.get(person=trainee)
    url = reverse("trainer_profiles:inspect", args=[profile.pk])
    make_cohort(days=(-9, -8)).delivery_assignments.create(trainer=trainee, role="shadow")
    with CaptureQueriesContext(connection) as first:
        client.get(url)

    for _ in range(5):
        make_cohort(days=(-9, -8)).delivery_assignments.create(trainer=trainee, role="shadow")

    with django_assert_max_num_queries(len(first)):
        page = client.get(url).content.decode()
    assert "Shadowing an experienced trainer" in page


def test_a_programme_admin_accredits_through_the_action(client, programme_admin, make_trainer):
    profile = TrainerProfile.objects.get(person=make_trainer(Stage.CO_TRAINED))
    client.force_login(programme_admin)
    page = client.get(reverse("trainer_profiles:inspect", args=[profile.pk])).content.decode()
    assert "Accredit as a trainer" in page

    response = client.post(reverse("trainer_profiles:accredit", args=[profile.pk]))

    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.stage == Stage.ACCREDITED


def test_a_refused_action_shows_the_services_words(client, programme_admin, make_trainer):
    profile = TrainerProfile.objects.get(person=make_trainer(Stage.SHADOWED))
    client.force_login(programme_admin)

    page = client.post(reverse("trainer_profiles:accredit", args=[profile.pk])).content.decode()

    assert "cannot be “accredited as a trainer” from there" in page


def test_a_facilitator_sets_a_team_and_sees_why_not(signed_in, make_cohort, make_trainer, experienced):
    cohort = make_cohort(title="Camden, spring")
    newly_accredited = make_trainer(Stage.ACCREDITED)
    trainee = make_trainer(Stage.T4T_COMPLETED)
    url = reverse("cohort_teams:team", args=[cohort.pk])
    page = signed_in.get(url).content.decode()
    assert "Not eligible: is not an accredited trainer yet" in page
    assert "first lead delivery: needs an experienced co-trainer" in page

    refused = signed_in.post(url, {"lead": newly_accredited.pk, "shadows": [trainee.pk]}).content.decode()
    assert "first lead delivery" in refused and "Shadows do not count" in refused
    assert not cohort.delivery_assignments.exists()

    response = signed_in.post(
        url, {"lead": newly_accredited.pk, "co_trainers": [experienced.pk], "shadows": [trainee.pk]}
    )
    assert response.status_code == 302
    assert set(cohort.delivery_assignments.values_list("role", flat=True)) == {"lead", "co_trainer", "shadow"}
    assert "Incomplete:" in signed_in.get(url).content.decode()
    assert "Camden, spring" in signed_in.get(reverse("cohort_teams:index")).content.decode()


def test_the_lead_ticked_as_co_trainer_is_refused_by_name_on_the_field(signed_in, make_cohort, experienced):
    """One person, one role on a cohort: the form says so by the co-trainer boxes, and saves nothing."""
    experienced.first_name, experienced.last_name = "Jo", "Bloggs"
    experienced.save(update_fields=["first_name", "last_name"])
    cohort = make_cohort()
    url = reverse("cohort_teams:team", args=[cohort.pk])

    response = signed_in.post(url, {"lead": experienced.pk, "co_trainers": [experienced.pk]})

    assert response.status_code == 200
    words = "Jo Bloggs is already the lead trainer. Choose someone else as co-trainer."
    assert response.context["form"].errors == {"co_trainers": [words]}
    assert words in response.content.decode()
    assert not cohort.delivery_assignments.exists()


def test_another_regions_cohort_team_is_not_found(signed_in, make_cohort, other_region):
    cohort = make_cohort(region=other_region)

    assert signed_in.get(reverse("cohort_teams:team", args=[cohort.pk])).status_code == 404


def test_another_regions_deliveries_are_not_found(signed_in, make_cohort, other_region, experienced):
    assignment = make_cohort(region=other_region).delivery_assignments.create(trainer=experienced, role="lead")

    assert signed_in.get(reverse("deliveries:inspect", args=[assignment.pk])).status_code == 404
    assert DeliveryAssignment.objects.filter(pk=assignment.pk).exists()


def test_a_programme_admin_previews_then_imports_trainers(client, programme_admin, region):
    client.force_login(programme_admin)
    content = "email,first_name,last_name,region,stage\nasha@example.org,Asha,Patel,London,accredited\n"
    upload = SimpleUploadedFile("trainers.csv", content.encode(), content_type="text/csv")

    preview = client.post(reverse("trainer_import:index"), {"file": upload})

    assert "All 1 rows are ready" in preview.content.decode()
    assert not TrainerProfile.objects.exists()
    response = client.post(reverse("trainer_import:index"), {"rows": preview.context["signed_rows"]})
    assert response.status_code == 302
    assert TrainerProfile.objects.get().stage == Stage.ACCREDITED


def test_facilitators_do_not_import(signed_in):
    assert refused(signed_in.get(reverse("trainer_import:index")))


def test_a_programme_admin_reads_applications_and_assesses_in_the_admin(
    client, programme_admin, make_trainer, criteria
):
    profile = TrainerProfile.objects.get(person=make_trainer(Stage.APPLICANT))
    application = ApplicationFactory(profile=profile, for_lead=True, lead_statement="I have mentored trainers.")
    client.force_login(programme_admin)
    assert "Test Person" in client.get(reverse("trainer_applications:index")).content.decode()
    page = client.get(reverse("trainer_applications:inspect", args=[application.pk])).content.decode()
    assert "I have mentored trainers." in page and reverse("trainers:cv", args=[application.pk]) in page

    form = client.get(reverse("trainer_profiles:assess", args=[profile.pk])).content.decode()
    assert "Lead criterion 1" in form
    data = {"source": "development_day", **{f"rating_{c.pk}": "met" for c in criteria}}
    response = client.post(reverse("trainer_profiles:assess", args=[profile.pk]), data)

    assert response.status_code == 302
    assert profile.assessments.count() == len(criteria)
