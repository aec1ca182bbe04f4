from events.tests.conftest import courses, make_cohort  # noqa: F401 - fixtures shared with events' tests
