"""Values kept under generations a write bumps (core.caching): read again after a change, never before."""

from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from wagtail.models import Page

from core.caching import bump, bump_on_change, cached, generations
from core.models import HomePage, Region
from core.roles import Role

NAME = "test-generation"


def _counting_build():
    builds = []

    def build() -> int:
        builds.append(1)
        return len(builds)

    return build, builds


def test_a_value_is_built_once_then_again_after_a_bump():
    build, builds = _counting_build()
    assert cached("value", build, generation_names=[NAME], timeout=60) == 1
    assert cached("value", build, generation_names=[NAME], timeout=60) == 1
    bump(NAME)
    assert cached("value", build, generation_names=[NAME], timeout=60) == 2
    assert len(builds) == 2


def test_a_lost_counter_starts_again_from_the_clock_so_no_old_value_is_read():
    build, _ = _counting_build()
    assert cached("value", build, generation_names=[NAME], timeout=60) == 1
    before = generations(NAME)
    cache.delete(f"generation:{NAME}")
    assert generations(NAME) != before
    assert cached("value", build, generation_names=[NAME], timeout=60) == 2


def test_a_bump_in_a_transaction_is_made_again_when_it_commits(django_capture_on_commit_callbacks):
    before = int(generations(NAME))
    with django_capture_on_commit_callbacks(execute=True):
        bump(NAME)
        assert int(generations(NAME)) == before + 1
    assert int(generations(NAME)) == before + 2


def test_saving_deleting_or_linking_a_row_bumps_what_depends_on_its_model(db):
    bump_on_change("test-regions-and-roles", [Region, Group])
    seen = [generations("test-regions-and-roles")]

    def changed() -> bool:
        seen.append(generations("test-regions-and-roles"))
        return seen[-1] != seen[-2]

    region = Region.objects.create(code="E99999999", name="Test region")
    assert changed()
    region.delete()
    assert changed()
    Group.objects.get(name=Role.PARTICIPANT.value).permissions.add(Permission.objects.first())
    assert changed()
    HomePage.objects.get().save()  # a model it does not depend on
    assert not changed()


def test_a_subclass_of_a_model_bumps_it(db):
    bump_on_change("test-pages", [Page])
    before = generations("test-pages")
    HomePage.objects.get().save()
    assert generations("test-pages") != before
