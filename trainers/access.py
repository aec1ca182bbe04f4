"""Who may assess candidates and run a T4T: the rules every view and service asks (issue #5 points 2–3).

Programme admins own trainer assessment (DOMAIN.md §2). A Lead Trainer assesses the applications a
programme admin assigns them; at T4T the experienced trainers on its team observe the candidates
(000:L2043–2065).
"""

from events.access import manages_every_region
from events.models import Cohort
from trainers.models import Application, CriterionAssessment, DeliveryAssignment, TrainerProfile

TEAM_ROLES = (DeliveryAssignment.Role.LEAD, DeliveryAssignment.Role.CO_TRAINER)


def runs_t4t(user, cohort: Cohort) -> bool:
    """Programme admins, and the lead and co-trainers of a T4T cohort."""
    if cohort.path != Cohort.Path.T4T:
        return False
    return manages_every_region(user) or cohort.delivery_assignments.filter(trainer=user, role__in=TEAM_ROLES).exists()


def may_assess(user, profile: TrainerProfile, *, source: str, cohort: Cohort | None = None) -> bool:
    if not user.is_authenticated or profile.person_id == user.pk:
        return False
    if source == CriterionAssessment.Source.T4T_OBSERVATION:
        return cohort is not None and runs_t4t(user, cohort) and cohort.t4t_places.filter(profile=profile).exists()
    if manages_every_region(user):
        return True
    return (
        TrainerProfile.objects.lead_trainers().filter(person=user).exists()
        and Application.objects.filter(profile=profile, assessor=user).exists()
    )
