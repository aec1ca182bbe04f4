"""Two app processes sharing one Redis and one database see a change made by the other at once
(issue #20, issue #19 point 5): a permission taken from a role, a new cohort in the public listing.

Each app process is a real Python process (tests/app_process.py) that stays up between requests, so
anything kept in its own memory would show here. The Redis is a throw-away `redis-server` started for
the test (installed by `make test` and `.ci/run`).
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse

import pytest
import redis
from django.conf import settings
from django.db import connection

from core.roles import Role

ADD_COHORT = "events.add_cohort"


@pytest.fixture(scope="module")
def redis_url():
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("redis-server is not installed: run scripts/install-redis (make test does)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(  # noqa: S603 - Debian's redis-server with fixed arguments
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 10
    while True:
        try:
            redis.Redis.from_url(url).ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                process.kill()
                raise
            time.sleep(0.05)
    yield url
    process.terminate()
    process.wait(timeout=10)


def _database_url() -> str:
    """The test database this process uses, as a URL the app processes can open."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{database['NAME']}"
    user = urllib.parse.quote(database["USER"] or "")
    password = f":{urllib.parse.quote(database['PASSWORD'])}" if database["PASSWORD"] else ""
    return f"postgres://{user}{password}@{database['HOST']}:{database['PORT']}/{database['NAME']}"


class AppProcess:
    def __init__(self, redis_url: str):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "REDIS_URL": redis_url}
        env["DATABASE_URL"] = _database_url()
        self.process = subprocess.Popen(  # noqa: S603 - this repository's own script
            [sys.executable, "-m", "tests.app_process"],
            cwd=settings.BASE_DIR,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._answer() == "ready"

    def __call__(self, command: str, *arguments):
        self.process.stdin.write(json.dumps([command, arguments]) + "\n")
        self.process.stdin.flush()
        return self._answer()

    def _answer(self):
        line = self.process.stdout.readline()
        assert line, f"the app process stopped ({self.process.wait()})"
        return json.loads(line)

    def stop(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture
def app_processes(redis_url, transactional_db):
    """Two app processes; the data the test made before is committed, so both see it."""
    started = []

    def start() -> tuple[AppProcess, AppProcess]:
        started.extend([AppProcess(redis_url), AppProcess(redis_url)])
        return started[0], started[1]

    yield start
    for process in started:
        process.stop()


def test_a_permission_taken_from_a_role_in_one_process_stops_in_the_other_at_once(app_processes, make_user, region):
    facilitator = make_user(Role.REGIONAL_FACILITATOR, regions=[region])
    serving, saving = app_processes()
    assert serving("has_perm", facilitator.pk, ADD_COHORT)

    saving("take_permission", Role.REGIONAL_FACILITATOR.value, ADD_COHORT)

    assert not serving("has_perm", facilitator.pk, ADD_COHORT)


def test_a_cohort_added_in_one_process_is_listed_by_the_other_at_once(app_processes, make_cohort):
    listed = make_cohort(title="Camden, spring", days=(30,))
    serving, saving = app_processes()
    assert "Camden, spring" in serving("page", "/cohorts/")

    # The listing is kept in the shared cache: a write no signal hears does not show...
    saving("rename_without_signals", listed.pk, "Camden, renamed")
    assert "Camden, spring" in serving("page", "/cohorts/")
    # ...and a cohort saved as the admin saves it does, in the other process, on its next page.
    saving("add_cohort", "Islington, summer", listed.pk)

    page = serving("page", "/cohorts/")
    assert "Islington, summer" in page and "Camden, renamed" in page
