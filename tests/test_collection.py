"""Every app's tests run: pytest collects only the folders `pyproject.toml` lists in `testpaths`,
and `oversight`'s were left out once, so CI never ran them (issue #20)."""

import tomllib
from pathlib import Path

from tests.project import BASE_DIR, local_apps


def configured_testpaths() -> list[str]:
    with open(BASE_DIR / "pyproject.toml", "rb") as file:
        return tomllib.load(file)["tool"]["pytest"]["ini_options"]["testpaths"]


def uncollected(paths: list[str]) -> list[str]:
    """The project's apps with a tests folder that `paths` does not reach."""
    collected = [(BASE_DIR / path).resolve() for path in paths]
    app_tests = [Path(config.path).resolve() / "tests" for config in local_apps()]
    return sorted(
        str(folder.relative_to(BASE_DIR))
        for folder in app_tests
        if folder.is_dir() and not any(folder == path or path in folder.parents for path in collected)
    )


def test_an_app_left_out_of_testpaths_is_found():
    assert uncollected(["core", "courses", "events", "trainers", "feedback", "tests"]) == ["oversight/tests"]


def test_every_apps_tests_are_collected():
    assert uncollected(configured_testpaths()) == []
