"""The team's reasons a cohort is at risk, given to events' list through `events.interfaces`
(issue #21 point 4): no accredited lead, trainers' checklists not finished."""

from django.urls import reverse
from django.utils import timezone

from events.models import Cohort
from events.models.rules import current_rules
from events.selectors.at_risk import cohorts_at_risk
from trainers.models import DeliveryChecklist, Stage
from trainers.services.rostering import team_set


def reasons_of(cohort) -> dict[str, str]:
    (item,) = cohorts_at_risk(Cohort.objects.filter(pk=cohort.pk), rules=current_rules(), today=timezone.localdate())
    return {reason.code: reason.fix_url for reason in item.reasons}


def test_no_lead_is_a_reason_linking_to_the_team(make_cohort):
    cohort = make_cohort(days=(10, 20), status=Cohort.Status.CONFIRMED)

    reasons = reasons_of(cohort)

    assert reasons["no_accredited_lead"] == reverse("cohort_teams:team", args=[cohort.pk])
    assert "checklists_incomplete" not in reasons


def test_a_lead_with_an_unfinished_checklist_is_a_reason_until_it_is_done(make_cohort, experienced):
    cohort = make_cohort(days=(10, 20), status=Cohort.Status.CONFIRMED)
    (assignment,) = team_set(cohort=cohort, lead=experienced, co_trainers=[], shadows=[], actor=None)

    reasons = reasons_of(cohort)
    assert "no_accredited_lead" not in reasons
    assert reasons["checklists_incomplete"] == reverse("events:cohort_team", args=[cohort.pk])

    DeliveryChecklist.objects.create(
        assignment=assignment,
        introduction_reread_on=timezone.localdate(),
        **{name: True for name, _ in DeliveryChecklist.TICKS},
    )
    assert "checklists_incomplete" not in reasons_of(cohort)


def test_a_lead_who_is_not_accredited_is_a_reason(make_cohort, make_trainer):
    cohort = make_cohort(days=(10, 20), status=Cohort.Status.CONFIRMED)
    cohort.delivery_assignments.create(trainer=make_trainer(Stage.CO_TRAINED), role="lead")

    assert "no_accredited_lead" in reasons_of(cohort)
