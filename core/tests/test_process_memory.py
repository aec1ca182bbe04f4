"""What an app process keeps (core.process_memory): forgotten when the rows it depends on change."""

from wagtail.models import Page

from core.models import Region
from core.process_memory import ProcessMemory
from courses.models import CoursePage


def test_a_save_or_delete_of_a_watched_model_or_its_subclass_forgets_every_value(db, settings):
    settings.TEST_MEMORY_SECONDS = 60
    memory = ProcessMemory("TEST_MEMORY_SECONDS")
    memory.forget_on_change(Page)
    builds = []

    def build():
        builds.append(1)
        return len(builds)

    assert memory.get("a", build) == 1
    Region.objects.create(code="E1", name="Not watched")
    assert memory.get("a", build) == 1
    page = Page.objects.get(depth=1).add_child(
        instance=CoursePage(title="A page type", kind="day1", summary="A summary.")
    )
    assert memory.get("a", build) == 2  # saved: a subclass of Page
    page.delete()
    assert memory.get("a", build) == 3
