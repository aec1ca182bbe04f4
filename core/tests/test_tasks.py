"""The task backend is the production one (database queue + worker), in tests too."""

from django_tasks_db.models import DBTaskResult

from core.models import StandardPage


def test_page_changes_queue_tasks_that_the_worker_runs(run_tasks):
    home = StandardPage.objects.get(slug="privacy").get_parent()
    page = home.add_child(instance=StandardPage(title="About the training", slug="about"))
    page.save_revision().publish()
    queued = DBTaskResult.objects.filter(status="READY").count()

    run_tasks()

    assert queued > 0
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() >= queued
