"""Demo trainers at each step of the pathway, created once however often bootstrap runs."""

from conftest import SilentOutput
from core.models import Region
from trainers.bootstrap import ensure_demo_trainers
from trainers.models import Application, Stage, TrainerProfile


class DemoOutput(SilentOutput):
    demo = True


def test_demo_trainers_cover_the_pathway_and_are_created_once(db, criteria):
    Region.objects.create(code="E12000007", name="London")
    Region.objects.create(code="E12000008", name="South East")

    ensure_demo_trainers(DemoOutput())
    ensure_demo_trainers(DemoOutput())

    stages = set(TrainerProfile.objects.values_list("stage", flat=True))
    assert stages == {Stage.APPLICANT, Stage.IN_POOL, Stage.T4T_COMPLETED, Stage.SHADOWED, Stage.ACCREDITED, Stage.LEAD}
    assert TrainerProfile.objects.count() == 7
    assert Application.objects.get().statements.count() == 3
    assert TrainerProfile.objects.filter(background="parent_carer").exists()
