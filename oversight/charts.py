"""Bar charts drawn as SVG on the server: no JavaScript, no outside library, the table beside them
holds the same numbers for anyone who would rather read."""

from dataclasses import dataclass

from oversight.measures import Figure

ROW = 32
LABEL_WIDTH = 420
BAR_WIDTH = 300


@dataclass(frozen=True)
class Bar:
    y: int
    label: str
    width: int
    value: str


@dataclass(frozen=True)
class Chart:
    height: int
    width: int
    bars: list[Bar]
    bar_x: int = LABEL_WIDTH


def bar_chart(figures: list[Figure], labels: list[str] | None = None) -> Chart:
    """Shares (done out of) as bars of their per cent; plain counts as bars scaled to the largest count.
    Each bar is labelled with its measure, or with `labels` (one figure by region, say)."""
    labels = labels or [figure.definition.label for figure in figures]
    largest_count = max((f.done for f in figures if f.percent is None), default=0) or 1
    bars = []
    for index, (figure, label) in enumerate(zip(figures, labels, strict=True)):
        if figure.percent is not None:
            width, value = BAR_WIDTH * figure.percent // 100, f"{figure.percent}% ({figure.done} of {figure.out_of})"
        elif figure.out_of == 0:
            width, value = 0, "none due yet"
        else:
            width, value = BAR_WIDTH * figure.done // largest_count, str(figure.done)
        bars.append(Bar(y=index * ROW, label=label, width=width, value=value))
    return Chart(height=len(figures) * ROW, width=LABEL_WIDTH + BAR_WIDTH + 160, bars=bars)
