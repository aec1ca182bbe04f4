"""What the trainer's own pages read (issue #8): each row once, nothing the page does not show."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from courses.tests.factories import SectionPageFactory
from events.models import Cohort
from events.tests.factories import in_days
from trainers.models import (
    CriterionAssessment,
    DeliveryAssignment,
    DeliveryChecklist,
    PathwayStep,
    Stage,
    Standing,
    T4TPlace,
    TrainerProfile,
)
from trainers.tests.factories import AssignmentFactory, CriterionFactory


def visit(client, url: str) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries.captured_queries]


def reads(queries: list[str], table: str) -> int:
    """Queries reading `table` itself, not in a subquery (Django aliases those U0, U1…)."""
    return sum(re.search(rf'FROM "{table}"(?! U\d)', sql) is not None for sql in queries)


@pytest.mark.parametrize("url", [reverse("trainers:pathway"), reverse("trainers:deliveries")])
def test_a_trainers_own_page_reads_their_record_once(client, make_trainer, url):
    client.force_login(make_trainer(Stage.T4T_COMPLETED))

    queries = visit(client, url)[1]

    (record,) = [sql for sql in queries if re.search(r'FROM "trainers_trainerprofile"(?! U\d)', sql)]
    assert '"core_user"."id" = "trainers_trainerprofile"."person_id"' not in record  # the person is the user
    assert '"trainers_trainerprofile"."person_id" = "core_user"."id"' not in record


def test_a_lead_trainers_sign_offs_read_their_record_once(client, lead_trainer):
    client.force_login(lead_trainer)

    assert reads(visit(client, reverse("trainers:sign_offs"))[1], "trainers_trainerprofile") == 1


def test_a_suspended_lead_trainer_has_no_sign_offs(client, make_trainer):
    client.force_login(make_trainer(Stage.LEAD, standing=Standing.SUSPENDED))

    assert client.get(reverse("trainers:sign_offs")).status_code == 404
    assert "Sign-offs waiting" not in client.get(reverse("dashboard_role", args=["trainer"])).content.decode()


def test_a_lead_trainers_dashboard_reads_their_record_once_and_then_their_mentees(client, lead_trainer, make_trainer):
    mentee = TrainerProfile.objects.get(person=make_trainer(Stage.SHADOWED, mentor=lead_trainer))
    client.force_login(lead_trainer)

    page, queries = visit(client, reverse("dashboard_role", args=["trainer"]))

    assert "Sign-offs waiting: 0" in page and reverse("trainers:trainee_pathway", args=[mentee.pk]) in page
    assert reads(queries, "trainers_trainerprofile") == 2
    assert reads(queries, "core_user") == 1  # the session's user, also the trainer on the record


@pytest.fixture
def trainee(make_trainer, make_cohort):
    """A trainer after T4T with their place and two shadowings, one signed off."""
    person = make_trainer(Stage.T4T_COMPLETED)
    profile = TrainerProfile.objects.get(person=person)
    T4TPlace.objects.create(
        cohort=make_cohort(path="t4t", days=(-40, -39)), profile=profile, completed_at=timezone.now()
    )
    AssignmentFactory(cohort=make_cohort(days=(-20, -19)), trainer=person, role="shadow", reflection="x")
    AssignmentFactory(cohort=make_cohort(days=(-10, -9), title="Camden"), trainer=person, role="shadow")
    return person


def test_my_pathway_reads_each_cohorts_first_day_with_the_place_or_delivery_not_its_days(client, trainee):
    client.force_login(trainee)

    page, queries = visit(client, reverse("trainers:pathway"))

    assert f"Camden</a>, {date_format(in_days(-10), 'j F Y')}" in page
    assert f"{date_format(in_days(-40), 'j F Y')}" in page  # the T4T place's first day
    assert reads(queries, "events_session") == 0


def test_my_pathway_joins_no_person_to_the_applications_or_t4t_places(client, trainee):
    """Neither shows an assessor, and a person's own places need no ordering by their name (issue #8)."""
    client.force_login(trainee)

    page, queries = visit(client, reverse("trainers:pathway"))

    for table in ("trainers_application", "trainers_t4tplace"):
        (sql,) = [sql for sql in queries if re.search(rf'FROM "{table}"(?! U\d)', sql)]
        assert '"core_user"' not in sql


def test_the_pre_reading_is_asked_only_while_it_is_shown(client, trainee, make_trainer):
    client.force_login(trainee)
    page, queries = visit(client, reverse("trainers:pathway"))
    assert "Pre-reading" not in page and reads(queries, "trainers_t4tprereadingconfirmation") == 0

    client.force_login(make_trainer(Stage.IN_POOL))
    page, queries = visit(client, reverse("trainers:pathway"))
    assert "Pre-reading: <strong>not done yet</strong>" in page
    assert reads(queries, "trainers_t4tprereadingconfirmation") == 1


def test_the_t4t_preparation_is_rendered_once_and_a_publication_shows_at_once(client, trainee, courses):
    section = SectionPageFactory(parent=courses["day1"], number=5, title="Working in partnership")
    section.save_revision().publish()
    client.force_login(trainee)

    first, _ = visit(client, reverse("trainers:pathway"))
    again, queries = visit(client, reverse("trainers:pathway"))
    section.title = "Partnership"
    section.save_revision().publish()
    after, _ = visit(client, reverse("trainers:pathway"))

    assert "Your preparation" in first and "Day 1, Section 5: Working in partnership" in again
    assert reads(queries, "wagtailcore_page") == 0  # the page tree's stamp is kept, no page read again
    assert "Day 1, Section 5: Partnership" in after


def test_my_pathway_reads_at_most_its_budget(client, trainee, django_assert_max_num_queries):
    """The session, user and roles, the record, then one query each for applications, assessments,
    T4T places, deliveries, their days and history; the programme's settings, the page tree's stamp,
    the reading catalogue and the T4T preparation come from memory after the first visit."""
    client.force_login(trainee)
    visit(client, reverse("trainers:pathway"))

    with django_assert_max_num_queries(10):
        client.get(reverse("trainers:pathway"))


def test_my_deliveries_shows_each_cohorts_days_in_one_query(client, make_trainer, make_cohort):
    trainer = make_trainer(Stage.ACCREDITED)
    AssignmentFactory(cohort=make_cohort(days=(-9, -8)), trainer=trainer, role="lead")
    AssignmentFactory(cohort=make_cohort(days=(9, 10)), trainer=trainer, role="lead")
    client.force_login(trainer)

    page, queries = visit(client, reverse("trainers:deliveries"))

    assert date_format(in_days(-8), "j F Y") in page and date_format(in_days(9), "j F Y") in page
    assert reads(queries, "events_session") == 0
    assert reads(queries, "trainers_deliveryassignment") == 1


def test_a_trainers_dashboard_reads_their_cohorts_once_for_the_deliveries_and_the_records(
    client, make_trainer, make_cohort
):
    """The panels "My deliveries" (events, by first day) and "Delivering the course" (feedback, newest created
    first) list the same cohorts: read once."""
    trainer = make_trainer(Stage.LEAD)
    older, newer = make_cohort(title="Created first", days=(60, 74)), make_cohort(title="Created second")
    Cohort.objects.filter(pk=older.pk).update(created_at=timezone.now() - datetime.timedelta(days=1))
    for cohort in (older, newer):
        AssignmentFactory(cohort=cohort, trainer=trainer)
    client.force_login(trainer)

    page, queries = visit(client, reverse("dashboard_role", args=["trainer"]))

    deliveries, records = page.split("Delivering the course")
    assert deliveries.index("Created first") < deliveries.index("Created second")
    assert records.index("Created second") < records.index("Created first")
    assert reads(queries, "events_cohort") == 1


def test_the_cohort_page_reads_each_trainers_previous_delivery_with_the_team(client, make_trainer, make_cohort):
    """A re-read of the Introduction before the trainer's last other delivery no longer counts; that
    delivery is found in the team's own query, not one more (issue #8). Cancelled cohorts and later
    ones are not a previous delivery."""
    cohort = make_cohort(days=(30, 31))
    reread_then, reread_since = make_trainer(Stage.ACCREDITED), make_trainer(Stage.ACCREDITED)
    for trainer in (reread_then, reread_since):
        assignment = AssignmentFactory(cohort=cohort, trainer=trainer, role="co_trainer")
        DeliveryChecklist.objects.create(
            assignment=assignment,
            introduction_reread_on=in_days(-10 if trainer == reread_then else -2),
            **{name: True for name, _ in DeliveryChecklist.TICKS},
        )
        AssignmentFactory(cohort=make_cohort(days=(-6, -5)), trainer=trainer)
        AssignmentFactory(cohort=make_cohort(days=(-1, 0), status=Cohort.Status.CANCELLED), trainer=trainer)
        AssignmentFactory(cohort=make_cohort(days=(40, 41)), trainer=trainer)
    client.force_login(reread_then)

    page, queries = visit(client, reverse("events:cohort_team", args=[cohort.pk]))

    assert page.count("<strong>Incomplete:</strong> the Introduction for Trainers re-read") == 1
    assert page.count("<td>Complete</td>") == 1
    assert reads(queries, "trainers_deliveryassignment") == 1
    assert reads(queries, "events_session") == 1  # the days


def test_my_pathway_names_who_recorded_assessed_and_signed_off_in_one_query(client, trainee, make_user):
    """The people a pathway names are read together, not joined to each kind of row (issue #8)."""
    profile = TrainerProfile.objects.get(person=trainee)
    lead, assessor, admin = (make_user() for _ in range(3))
    for person, name in [(lead, "Lena Lead"), (assessor, "Asha Assessor"), (admin, "Ada Admin")]:
        person.first_name, person.last_name = name.split()
        person.save()
    DeliveryAssignment.objects.filter(trainer=trainee, reflection="x").update(
        signed_off_by=lead, signed_off_at=timezone.now()
    )
    CriterionAssessment.objects.create(
        profile=profile, criterion=CriterionFactory(), criterion_wording="Communicates well",
        rating="met", source="cv", assessor=assessor,
    )  # fmt: skip
    PathwayStep.objects.create(
        profile=profile, action="accredit", stage=profile.stage, standing=profile.standing, actor=admin
    )
    client.force_login(trainee)

    page, queries = visit(client, reverse("trainers:pathway"))

    assert "signed off by Lena Lead" in page and "Asha Assessor" in page and "Ada Admin" in page
    assert reads(queries, "core_user") == 2  # the session's user, then everyone the page names
