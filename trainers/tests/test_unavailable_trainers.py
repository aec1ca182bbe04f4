"""A trainer suspended or withdrawn while on the team of a cohort still to run: the facilitators of its
region are told, their dashboard lists the team to change, and the cohort's page says who cannot deliver."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.caching import bump
from core.models import Notification
from core.roles import Role
from events.models import Cohort
from trainers.models import DeliveryAssignment, Stage, TrainerProfile
from trainers.selectors.deliveries import TRAINERS
from trainers.services import pathway
from trainers.tests.factories import AssignmentFactory

MESSAGE = "trainers.team_member_unavailable"


def trainer_called(make_trainer, first_name, last_name, **fields):
    person = make_trainer(Stage.ACCREDITED, **fields)
    person.first_name, person.last_name = first_name, last_name
    person.save(update_fields=["first_name", "last_name"])
    return person


def on_team(make_cohort, person, role=DeliveryAssignment.Role.CO_TRAINER, **cohort_fields):
    cohort = make_cohort(**cohort_fields)
    AssignmentFactory(cohort=cohort, trainer=person, role=role)
    return cohort


def suspend(person, admin, reason="Complaint being looked into"):
    return pathway.trainer_suspend(profile=TrainerProfile.objects.get(person=person), actor=admin, reason=reason)


def test_the_regions_facilitators_are_told_of_each_cohort_still_to_run(
    make_trainer, make_cohort, make_user, programme_admin, facilitator, region, other_region, run_tasks
):
    trainer = make_trainer(Stage.ACCREDITED)
    other_facilitator = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[other_region])
    coming = on_team(make_cohort, trainer, title="Camden, spring")
    elsewhere = on_team(make_cohort, trainer, title="Gateshead, spring", region=other_region)
    on_team(make_cohort, trainer, title="Ran last month", days=(-40, -30), status=Cohort.Status.DELIVERED)
    on_team(make_cohort, trainer, title="Called off", status=Cohort.Status.CANCELLED)

    suspend(trainer, programme_admin, reason="Complaint being looked into")
    run_tasks()

    told = Notification.objects.filter(message=MESSAGE).order_by("recipient_id")
    assert [(n.recipient, n.status) for n in told] == [(facilitator, "sent"), (other_facilitator, "sent")]
    to_facilitator = next(email for email in mail.outbox if email.to == [facilitator.email])
    assert to_facilitator.subject == f"Camden, spring: {trainer} can no longer deliver"
    assert "as co-trainer" in to_facilitator.body and "suspended" in to_facilitator.body
    assert "The reason given: Complaint being looked into" in to_facilitator.body
    assert f"http://testserver{reverse('cohort_teams:team', args=[coming.pk])}" in to_facilitator.body
    to_other = next(email for email in mail.outbox if email.to == [other_facilitator.email])
    assert to_other.subject.startswith("Gateshead, spring") and str(elsewhere.pk) in to_other.body
    assert Notification.objects.filter(recipient=trainer, message="trainers.pathway_changed").exists()


def test_withdrawal_tells_them_again_and_reinstatement_does_not(
    make_trainer, make_cohort, programme_admin, facilitator
):
    trainer = make_trainer(Stage.ACCREDITED)
    on_team(make_cohort, trainer)

    profile = suspend(trainer, programme_admin)
    pathway.trainer_reinstate(profile=profile, actor=programme_admin, reason="Resolved")
    assert Notification.objects.filter(message=MESSAGE).count() == 1

    pathway.trainer_withdraw(profile=profile, actor=programme_admin, reason="Moved abroad")
    assert Notification.objects.filter(message=MESSAGE, recipient=facilitator).count() == 2


def test_nobody_is_told_when_the_trainer_is_on_no_team_still_to_run(make_trainer, programme_admin, facilitator):
    trainer = make_trainer(Stage.ACCREDITED)

    suspend(trainer, programme_admin)

    assert not Notification.objects.filter(message=MESSAGE).exists()


def test_the_facilitators_dashboard_lists_the_teams_to_change(
    client, make_trainer, make_cohort, make_user, programme_admin, facilitator, other_region
):
    suspended = trainer_called(make_trainer, "Sam", "Suspended")
    withdrawn = trainer_called(make_trainer, "Wen", "Withdrawn")
    fine = trainer_called(make_trainer, "Fay", "Fine")
    first = on_team(make_cohort, suspended, title="Camden, spring", days=(20, 34))
    second = on_team(make_cohort, withdrawn, role=DeliveryAssignment.Role.LEAD, title="Hackney, summer", days=(60, 74))
    AssignmentFactory(cohort=second, trainer=fine, role=DeliveryAssignment.Role.CO_TRAINER)
    on_team(make_cohort, make_trainer(Stage.ACCREDITED, region=other_region), title="Gateshead", region=other_region)
    suspend(suspended, programme_admin)
    pathway.trainer_withdraw(profile=TrainerProfile.objects.get(person=withdrawn), actor=programme_admin, reason="x")
    TrainerProfile.objects.filter(region=other_region).update(standing="suspended")
    client.force_login(facilitator)

    page = client.get(reverse("dashboard_role", args=["facilitator"])).content.decode()

    panel = page[page.index("Teams to change") : page.index("Your cohorts")]
    assert panel.index("Camden, spring") < panel.index("Hackney, summer")
    assert f'{suspended}, co-trainer <strong class="flag">suspended</strong>' in panel
    assert f'{withdrawn}, lead trainer <strong class="flag">withdrawn</strong>' in panel
    assert reverse("cohort_teams:team", args=[first.pk]) in panel
    assert str(fine) not in panel and "Gateshead" not in panel


def test_the_panel_is_not_there_when_every_team_can_deliver(client, make_trainer, make_cohort, facilitator):
    on_team(make_cohort, make_trainer(Stage.ACCREDITED))
    client.force_login(facilitator)

    page = client.get(reverse("dashboard_role", args=["facilitator"])).content.decode()

    assert "Teams to change" not in page


def test_the_panel_is_one_query_however_many_teams_then_none_while_kept(
    client, make_trainer, make_cohort, programme_admin, facilitator
):
    def add_suspended_on_team():
        trainer = make_trainer(Stage.ACCREDITED)
        on_team(make_cohort, trainer)
        suspend(trainer, programme_admin)

    def dashboard_queries() -> list[str]:
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("dashboard_role", args=["facilitator"])).content.decode()
        return [query["sql"] for query in queries], page

    add_suspended_on_team()
    client.force_login(facilitator)
    dashboard_queries()  # the first visit reads what any dashboard reads once
    add_suspended_on_team()
    one_more, _ = dashboard_queries()
    for _ in range(3):
        add_suspended_on_team()

    read_again, page = dashboard_queries()
    kept, _ = dashboard_queries()

    assert page.count('class="flag">suspended') == 5
    assert len(read_again) == len(one_more)
    assert sum('FROM "trainers_deliveryassignment"' in sql for sql in read_again) == 1
    assert len(kept) < len(read_again)  # this panel, and the cohorts' panel kept under the same change
    assert not [sql for sql in kept if 'FROM "trainers_deliveryassignment"' in sql]


@pytest.fixture
def suspended_co_trainer(make_trainer, make_cohort, programme_admin):
    """(cohort, Sam Suspended its co-trainer, suspended since; Fay Fine its lead)."""
    suspended = trainer_called(make_trainer, "Sam", "Suspended")
    fine = trainer_called(make_trainer, "Fay", "Fine")
    cohort = on_team(make_cohort, suspended)
    AssignmentFactory(cohort=cohort, trainer=fine, role=DeliveryAssignment.Role.LEAD)
    suspend(suspended, programme_admin)
    return cohort, suspended, fine


def test_the_cohort_page_says_who_cannot_deliver(client, suspended_co_trainer, facilitator):
    cohort, suspended, fine = suspended_co_trainer
    client.force_login(facilitator)

    page = client.get(reverse("events:cohort_team", args=[cohort.pk])).content.decode()

    assert f'{suspended}: Co-trainer <strong class="flag">suspended: cannot deliver</strong>' in page
    assert f"{fine}: Lead trainer</li>" in page


def test_a_suspension_elsewhere_shows_when_it_bumps_the_generation(client, make_trainer, make_cohort, facilitator):
    trainer = make_trainer(Stage.ACCREDITED)
    on_team(make_cohort, trainer, title="Camden, spring")
    client.force_login(facilitator)
    dashboard = reverse("dashboard_role", args=["facilitator"])
    assert "Teams to change" not in client.get(dashboard).content.decode()

    TrainerProfile.objects.filter(person=trainer).update(standing="suspended")  # no signal: nothing bumped
    assert "Teams to change" not in client.get(dashboard).content.decode()
    bump(TRAINERS)  # what the other process's save does in the shared cache
    assert "Camden, spring" in client.get(dashboard).content.decode()


def test_the_cohort_teams_listing_marks_who_cannot_deliver(client, suspended_co_trainer, facilitator):
    _, suspended, fine = suspended_co_trainer
    client.force_login(facilitator)

    page = client.get(reverse("cohort_teams:index")).content.decode()

    assert f"{suspended} (co-trainer) <strong>suspended: cannot deliver</strong>" in page
    assert f"cannot deliver</strong>, {fine} (lead trainer)</td>" in page
