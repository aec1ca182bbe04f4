"""The programme's numbers are kept in the shared cache until a settings row changes (core.site_settings)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from core.caching import bump
from events.models import CohortSettings
from events.models.rules import current_rules

pytestmark = pytest.mark.django_db


def _read() -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        target = current_rules().target_size
    return target, len(queries)


def test_the_rules_are_read_once_then_kept():
    first, first_queries = _read()
    again, queries = _read()
    assert again == first
    assert first_queries == 1 and queries == 0


def test_a_saved_change_applies_at_once_in_this_process():
    _read()
    row = CohortSettings.for_site(Site.objects.get(is_default_site=True))
    row.target_size = 17
    row.save()
    assert _read()[0] == 17


def test_a_change_made_by_another_process_applies_when_it_bumps_the_generation():
    row = CohortSettings.for_site(Site.objects.get(is_default_site=True))
    before = _read()[0]
    CohortSettings.objects.filter(pk=row.pk).update(target_size=before + 3)  # no signal: nothing bumped
    assert _read()[0] == before
    bump("site-settings:events.cohortsettings")  # what the other process's save does in the shared cache
    assert _read() == (before + 3, 1)


def test_nothing_is_kept_by_the_app_process_itself():
    before = _read()[0]
    row = CohortSettings.for_site(Site.objects.get(is_default_site=True))
    CohortSettings.objects.filter(pk=row.pk).update(target_size=before + 1)
    cache.clear()
    assert _read() == (before + 1, 1)
