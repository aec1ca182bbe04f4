from events.tests.conftest import courses, make_cohort  # noqa: F401 - fixtures shared with events' tests
from oversight.tests.factories import readings  # noqa: F401 - a fixture
