"""The programme's numbers are read once per process for a short while (core.site_settings)."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from events.models import CohortSettings
from events.models.rules import current_rules

pytestmark = pytest.mark.django_db


def _read() -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        target = current_rules().target_size
    return target, len(queries)


def test_the_rules_are_read_once_within_the_timeout():
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


def test_a_change_made_by_another_process_applies_after_the_timeout(settings):
    settings.SITE_SETTINGS_CACHE_SECONDS = 0.2
    row = CohortSettings.for_site(Site.objects.get(is_default_site=True))
    before = _read()[0]
    CohortSettings.objects.filter(pk=row.pk).update(target_size=before + 3)  # no signal, as in another process
    assert _read()[0] == before
    time.sleep(0.25)
    assert _read() == (before + 3, 1)
