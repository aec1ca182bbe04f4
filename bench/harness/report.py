"""The benchmark's results as a table on stdout and as JSON in bench/results/."""

import json
import platform
import subprocess
from datetime import datetime
from pathlib import Path

from bench.harness.app import ROOT

RESULTS = ROOT / "bench" / "results"


def ratio(value: float, floor: float) -> float | None:
    return round(value / floor, 1) if floor else None


def page_table(rows: list[dict]) -> str:
    header = (
        f"{'page':<40} {'role':<12} {'c':>3} {'median':>8} {'p95':>8} {'req/s':>7} "
        f"{'×floor med':>10} {'×floor p95':>10} {'queries':>8} {'errors':>6}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        queries = row["queries_min"]
        if queries is not None and row["queries_max"] != queries:
            queries = f"{row['queries_min']}-{row['queries_max']}"
        lines.append(
            f"{row['page'][:40]:<40} {row['role'][:12]:<12} {row['clients']:>3} {row['median_ms']:>6.1f}ms "
            f"{row['p95_ms']:>6.1f}ms {row['throughput']:>7.1f} {_num(row.get('ratio_median')):>10} "
            f"{_num(row.get('ratio_p95')):>10} {str(queries if queries is not None else '-'):>8} {row['errors']:>6}"
        )
    return "\n".join(lines)


def _num(value) -> str:
    return "-" if value is None else f"{value:.1f}"


def environment() -> dict:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 - git from PATH, read-only
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "when": datetime.now().isoformat(timespec="seconds"),
        "commit": commit,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": __import__("os").cpu_count(),
    }


def write_json(name: str, data: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}-{datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(data, indent=2, default=str))
    return path
