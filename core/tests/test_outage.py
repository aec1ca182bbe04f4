"""A database that cannot be reached answers 503 with Retry-After, logged once (core.outage)."""

import importlib
import logging

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.urls("core.tests.outage_urls")


@pytest.fixture
def browser():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("path", ["/refused/", "/gone/"])
def test_an_unreachable_database_answers_503_with_a_plain_page(browser, path):
    response = browser.get(path)

    assert response.status_code == 503
    assert response["Retry-After"] == str(settings.DATABASE_UNREACHABLE_RETRY_AFTER_SECONDS)
    assert "try again in a moment" in response.content.decode()


def test_the_outage_is_logged_once_not_per_request(browser, caplog):
    with caplog.at_level(logging.INFO):
        for _ in range(5):
            assert browser.get("/refused/").status_code == 503

    errors = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert [record.name for record in errors] == ["core.outage"]
    assert errors[0].exc_info is None


def test_other_errors_still_answer_500_and_are_logged(browser, caplog):
    with caplog.at_level(logging.ERROR):
        response = browser.get("/bug/")

    assert response.status_code == 500
    assert "Retry-After" not in response
    assert any(record.name == "django.request" and record.exc_info for record in caplog.records)


@pytest.mark.parametrize("root", ["config.urls", "config.urls_bench"])
def test_every_root_urlconf_answers_an_outage_with_the_sites_handler(root):
    """Django reads `handler500` from the root URLconf only: the benchmarks' own (config.settings.bench)
    must name it too, or a database restart under `bench/faults` answers Django's 500."""
    assert importlib.import_module(root).handler500 == "core.outage.server_error"
