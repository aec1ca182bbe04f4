"""Hypothesis strategies shared by the bad-input tests (issue #8 point 6)."""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

#: Any text, control and format characters (RTL marks included), emoji, spreadsheet formulas, huge values.
ODD_TEXT = st.one_of(
    st.text(max_size=50),
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "So", "Mn"]), max_size=30),
    st.sampled_from(['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", "\u202e\u0000", "🙂" * 300, "x" * 100_000]),
    st.integers().map(str),
)
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def no_nul(value: str) -> str:
    """The test client cannot send NUL bytes in a form; browsers do not either."""
    return value.replace("\x00", "")
