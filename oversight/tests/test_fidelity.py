"""Each dashboard figure equals a count made independently from the data each test sets up."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from core.models import Notification, Region
from core.roles import Role
from core.tests.factories import UserFactory
from events.models import Cohort, Preparation, Registration
from events.models.rules import current_rules
from events.selectors.at_risk import cohorts_at_risk
from events.tests.factories import RegistrationFactory, in_days, parent_carer, professional
from oversight.selectors import cohorts_in_scope, fidelity_report


def figures(user, **filters) -> dict[str, tuple[int, int | None]]:
    report = fidelity_report(
        cohorts_in_scope(user, **filters), regions=Region.objects.all(), today=timezone.localdate()
    )
    return {figure.definition.key: (figure.done, figure.out_of) for figure in report.overall}


@pytest.fixture
def admin(make_user):
    return make_user(Role.PROGRAMME_ADMIN, mfa=True)


def place(cohort, **fields) -> Registration:
    """A registration (confirmed unless said otherwise) for a new participant."""
    return RegistrationFactory(cohort=cohort, person=UserFactory(), **fields)


def full_mix(cohort):
    """Confirmed places meeting the default mix rule: four sectors, a parent carer, six people."""
    sectors = ["health", "social_care", "education", "voluntary", "education"]
    for n, sector in enumerate(sectors):
        place(cohort, **professional(sectors=[sector], organisation=f"Org {n}"))
    place(cohort, **parent_carer())


def test_cohort_status_figures_count_the_cohorts(make_cohort, admin, other_region):
    make_cohort(status=Cohort.Status.DELIVERED, days=(-40, -30))
    make_cohort(status=Cohort.Status.DELIVERED, days=(-20, -10), region=other_region)
    make_cohort(status=Cohort.Status.CANCELLED, cancelled_reason="Too few registrations")
    make_cohort(status=Cohort.Status.RECRUITING, days=(5, 19))  # inside the cut-off with nobody: at risk
    make_cohort(status=Cohort.Status.RECRUITING, days=(90, 104))  # far off: not at risk yet

    result = figures(admin)

    assert result["delivered"] == (2, None)
    assert result["cancelled"] == (1, None)
    assert result["at_risk"] == (1, None)


def test_at_risk_is_what_the_dashboards_list_not_only_a_short_cohort(make_cohort, admin):
    """A cohort with people enough is still at risk for another reason (here its parent carer is not
    prepared and it has no team yet): the figure counts what the dashboards list, nothing else."""
    full_enough = make_cohort(status=Cohort.Status.RECRUITING, days=(5, 19))
    full_mix(full_enough)
    make_cohort(status=Cohort.Status.RECRUITING, days=(90, 104))  # far off: not at risk yet
    listed = cohorts_at_risk(Cohort.objects.all(), rules=current_rules(), today=timezone.localdate())

    assert [item.cohort.pk for item in listed] == [full_enough.pk]
    assert figures(admin)["at_risk"] == (1, None)


def test_cancellations_are_counted_by_reason(make_cohort, admin):
    make_cohort(status=Cohort.Status.CANCELLED, cancellation_reason="too_few")
    make_cohort(status=Cohort.Status.CANCELLED, cancellation_reason="too_few")
    make_cohort(status=Cohort.Status.CANCELLED, cancellation_reason="venue")

    result = figures(admin)

    assert result["cancelled_too_few"] == (2, None)
    assert result["cancelled_venue"] == (1, None)
    assert result["cancelled_mix_not_met"] == (0, None)


def test_the_mix_figure_counts_confirmed_and_delivered_cohorts_meeting_the_rule(make_cohort, admin):
    meets = make_cohort(status=Cohort.Status.CONFIRMED)
    full_mix(meets)
    education_only = make_cohort(status=Cohort.Status.DELIVERED, days=(-40, -30), mix_override_reason="Agreed")
    for _ in range(6):
        place(education_only)
    make_cohort(status=Cohort.Status.RECRUITING)  # not confirmed yet: not counted

    result = figures(admin)

    assert result["mix_met"] == (1, 2)
    assert result["mix_overridden"] == (1, None)


def test_family_preparation_counts_only_parent_carers_and_young_people_with_a_place(make_cohort, admin):
    cohort = make_cohort(status=Cohort.Status.CONFIRMED)
    prepared = place(cohort, **parent_carer())
    Preparation.objects.create(registration=prepared, support_contact="Jo", conversation_done=True, venue_checked=True)
    unprepared = place(cohort, **parent_carer())
    Preparation.objects.create(registration=unprepared, support_contact="", conversation_done=False)
    place(cohort, **parent_carer())  # no record at all: not prepared
    place(cohort)  # a practitioner: not counted
    place(cohort, status=Registration.Status.WAITING, **parent_carer())  # no place yet

    assert figures(admin)["family_prepared"] == (1, 3)


def test_packs_count_on_time_late_and_missing(make_cohort, admin):
    cohort = make_cohort(status=Cohort.Status.CONFIRMED, days=(10, 24))  # pack was due 4 days ago
    long_ago = timezone.now() - datetime.timedelta(days=30)
    on_time, late, missing = (place(cohort, registered_at=long_ago) for _ in range(3))
    for registration, sent_days_ago in ((on_time, 5), (late, 1)):
        Notification.objects.create(
            recipient=registration.person,
            message="events.pre_course_pack",
            key=f"registration-{registration.pk}",
            subject="s",
            body_text="b",
            status=Notification.Status.SENT,
            sent_at=timezone.now() - datetime.timedelta(days=sent_days_ago),
        )
    late_registrant = place(cohort)  # registered today, after the deadline: not yet late
    Notification.objects.create(
        recipient=late_registrant.person,
        message="events.pre_course_pack",
        key=f"registration-{late_registrant.pk}",
        subject="s",
        body_text="b",
        status=Notification.Status.SENT,
        sent_at=timezone.now(),
    )

    result = figures(admin)

    assert result["packs_on_time"] == (2, 4)
    assert result["agendas_on_time"] == (0, 0)  # no agenda is due yet: 7 days before day 1 is in 3 days


def test_a_facilitator_sees_only_their_regions_figures(make_cohort, make_user, region, other_region):
    make_cohort(status=Cohort.Status.DELIVERED, days=(-40, -30))
    for _ in range(3):
        make_cohort(status=Cohort.Status.DELIVERED, days=(-40, -30), region=other_region)
    facilitator = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])

    assert figures(facilitator)["delivered"] == (1, None)
    assert figures(facilitator, region=other_region)["delivered"] == (0, None)


def test_the_period_filter_uses_each_cohorts_first_day(make_cohort, admin):
    make_cohort(status=Cohort.Status.DELIVERED, days=(-40, -30))
    make_cohort(status=Cohort.Status.DELIVERED, days=(-400, -390))

    assert figures(admin, start=in_days(-100), end=in_days(0))["delivered"] == (1, None)


def test_the_dashboard_page_charts_and_tables_the_same_numbers(client, make_cohort, admin):
    make_cohort(status=Cohort.Status.CANCELLED, cancellation_reason="venue", cancelled_reason="Venue flooded")
    client.force_login(admin)

    response = client.get(reverse("oversight_fidelity"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in content
    assert "A problem with the venue: Venue flooded" in content
    assert "Cohorts cancelled" in content
    assert "Cancelled: a problem with the venue" in content


def test_another_regions_filter_shows_nothing_of_it(client, make_cohort, make_user, region, other_region):
    make_cohort(status=Cohort.Status.CANCELLED, cancelled_reason="Secret elsewhere", region=other_region)
    client.force_login(make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]))

    response = client.get(reverse("oversight_fidelity"), {"region": other_region.pk})

    assert response.status_code == 200
    assert "Secret elsewhere" not in response.content.decode()


@freeze_time("2026-11-23 10:00")  # the cohort's first day falls in the programme year shown by default
def test_the_figures_export_as_a_spreadsheet(client, make_cohort, admin):
    make_cohort(status=Cohort.Status.DELIVERED, days=(-40, -30))
    client.force_login(admin)

    response = client.get(reverse("oversight_fidelity"), {"export": "csv"})

    assert response["Content-Disposition"].endswith('programme-fidelity.csv"')
    assert "Cohorts delivered,1" in response.content.decode()


@pytest.mark.parametrize("role", [Role.TRAINER, Role.PARTICIPANT])
def test_people_other_than_staff_cannot_open_the_dashboard(client, make_user, role):
    client.force_login(make_user(role))

    assert client.get(reverse("oversight_fidelity")).status_code == 403


def test_the_dashboard_queries_do_not_grow_with_cohorts(client, make_cohort, admin):
    """Measured with the report worked out afresh each time (the caches emptied), small data then six
    times as much, with readings, packs and Day 1 guests."""

    def add_cohorts(count):
        for _ in range(count):
            cohort = make_cohort(status=Cohort.Status.DELIVERED, days=(-40, -30))
            full_mix(cohort)
            place(make_cohort(status=Cohort.Status.CONFIRMED, days=(-45, 20)), day1_cohort=cohort)

    def queries():
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("oversight_fidelity")).status_code == 200
        return len(captured)

    client.force_login(admin)
    add_cohorts(1)
    client.get(reverse("oversight_fidelity"))
    few = queries()
    add_cohorts(5)

    assert queries() <= few


def test_team_figures_count_co_trainers_and_supported_first_leads(make_cohort, make_user, admin, region):
    from trainers.models import DeliveryAssignment, Stage
    from trainers.tests.factories import AssignmentFactory, TrainerProfileFactory

    lead, new_lead, experienced, novice = (make_user(Role.TRAINER) for _ in range(4))
    TrainerProfileFactory(person=experienced, region=region, stage=Stage.ACCREDITED)
    TrainerProfileFactory(person=novice, region=region, stage=Stage.SHADOWED)
    earlier = make_cohort(status=Cohort.Status.DELIVERED, days=(-100, -90))
    AssignmentFactory(cohort=earlier, trainer=experienced, role=DeliveryAssignment.Role.LEAD)
    AssignmentFactory(cohort=earlier, trainer=lead, role=DeliveryAssignment.Role.LEAD)  # led before: not first
    supported = make_cohort(status=Cohort.Status.CONFIRMED)
    AssignmentFactory(cohort=supported, trainer=new_lead, role=DeliveryAssignment.Role.LEAD)
    AssignmentFactory(cohort=supported, trainer=experienced, role=DeliveryAssignment.Role.CO_TRAINER)
    alone = make_cohort(status=Cohort.Status.DELIVERED, days=(-20, -10))
    AssignmentFactory(cohort=alone, trainer=novice, role=DeliveryAssignment.Role.LEAD)
    AssignmentFactory(cohort=alone, trainer=make_user(Role.TRAINER), role=DeliveryAssignment.Role.SHADOW)

    result = figures(admin)

    # earlier: two leads, no co-trainer; supported: co-trainer; alone: only a shadow.
    assert result["co_trainer"] == (1, 3)
    # earlier's leads were both first-time (nobody led before it); supported's lead is new with an
    # experienced co-trainer; alone's lead is new with nobody.
    assert result["first_lead_supported"] == (1, 3)


def test_the_pipeline_counts_trainers_by_step_in_the_regions_seen(make_user, region, other_region):
    from trainers.models import Stage
    from trainers.tests.factories import TrainerProfileFactory

    for stage, where in [(Stage.IN_POOL, region), (Stage.IN_POOL, region), (Stage.LEAD, other_region)]:
        TrainerProfileFactory(person=make_user(Role.TRAINER), region=where, stage=stage)

    no_cohorts = cohorts_in_scope(make_user(Role.PROGRAMME_ADMIN)).none()
    report = fidelity_report(no_cohorts, regions=[region], today=timezone.localdate())

    pipeline = dict(report.pipeline)
    assert pipeline[Stage.IN_POOL.label] == 2
    assert pipeline[Stage.LEAD.label] == 0


def test_a_second_visit_takes_the_report_from_the_shared_cache_and_shows_the_same(client, make_cohort, admin):
    make_cohort(status=Cohort.Status.CANCELLED, cancellation_reason="venue", cancelled_reason="Venue flooded")
    client.force_login(admin)
    first = client.get(reverse("oversight_fidelity")).content.decode()

    with CaptureQueriesContext(connection) as captured:
        again = client.get(reverse("oversight_fidelity")).content.decode()

    assert not [query for query in captured if "events_registration" in query["sql"]]  # not worked out again
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"|"CSRF_TOKEN": "[^"]+"')
    assert strip.sub("", again) == strip.sub("", first)


def test_a_change_shows_in_the_figures_at_once(client, make_cohort, admin):
    """The cohort's save bumps the report's generation (oversight.selectors.REPORT)."""
    client.force_login(admin)
    make_cohort(status=Cohort.Status.CANCELLED, cancelled_reason="Venue flooded")
    assert 'data-measure="cancelled"><th scope="row">Cohorts cancelled</th><td>1</td>' in _page(client)

    make_cohort(status=Cohort.Status.CANCELLED, cancelled_reason="Trainer ill")

    assert 'data-measure="cancelled"><th scope="row">Cohorts cancelled</th><td>2</td>' in _page(client)


def _page(client) -> str:
    return re.sub(r"\s+", " ", client.get(reverse("oversight_fidelity")).content.decode()).replace("> <", "><")
