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


#: Budgets people feel (issue #20), on this 2-core machine with the deployment's 4 workers.
BUDGETS = {
    "admin listing": 1.5,  # median at one client ÷ the stock Wagtail listing's, same role and run
    "front-end": 5.0,  # p95 ÷ the one-query floor's, same clients, at every level
    "median_ms": 100,  # median at one client
    "p95_ms": 1000,  # p95 at the most clients measured (16)
}


def budgets(rows: list[dict], *, stock_listing: str) -> list[dict]:
    """Each key page against its budgets: the ratio for its kind, the median at the fewest clients,
    the p95 at the most, and no errors. Baselines are not judged."""
    levels = sorted({row["clients"] for row in rows})
    by_level = {(row["role"], row["page"], row["clients"]): row for row in rows}
    verdicts = []
    for role, page in dict.fromkeys((row["role"], row["page"]) for row in rows):
        measured = [by_level[(role, page, level)] for level in levels if (role, page, level) in by_level]
        first, kind = measured[0], measured[0].get("kind", "front-end")
        if kind not in ("front-end", "admin listing", "admin"):
            continue
        ratio = None
        if kind == "admin listing":
            stock = by_level.get((role, stock_listing, levels[0]))
            ratio = ratio_of(first["median_ms"], stock and stock["median_ms"])
        elif kind == "front-end":
            ratio = max((row["ratio_p95"] for row in measured if row.get("ratio_p95") is not None), default=None)
        median, p95 = first["median_ms"], measured[-1]["p95_ms"]
        errors = sum(row["errors"] for row in measured)
        verdicts.append(
            {
                "page": page,
                "role": role,
                "kind": kind,
                "median_ms": median,
                "p95_ms": p95,
                "p95_clients": measured[-1]["clients"],
                "ratio": ratio,
                "ratio_budget": BUDGETS.get(kind),
                "errors": errors,
                "ratio_ok": None if ratio is None else ratio <= BUDGETS[kind],
                "median_ok": median <= BUDGETS["median_ms"],
                "p95_ok": p95 <= BUDGETS["p95_ms"],
                "errors_ok": errors == 0,
            }
        )
    return verdicts


def ratio_of(value: float, baseline: float | None) -> float | None:
    return round(value / baseline, 2) if baseline else None


def budget_markdown(verdicts: list[dict]) -> str:
    """PASS or MISS for each page and budget, as pasted into docs/performance.md."""
    header = ["Page", "Role", "Kind", "Ratio (budget)", "", "Median, 1 client", "", "p95, 16 clients", "", "Errors"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for v in verdicts:
        budget = f" (≤ {v['ratio_budget']}×)" if v["ratio_budget"] else ""
        cells = [
            v["page"],
            v["role"],
            v["kind"],
            f"{_num(v['ratio'])}×{budget}" if v["ratio"] is not None else "–",
            _verdict(v["ratio_ok"]),
            f"{v['median_ms']:.0f} ms",
            _verdict(v["median_ok"]),
            f"{v['p95_ms']:.0f} ms",
            _verdict(v["p95_ok"]),
            f"{v['errors']} {_verdict(v['errors_ok'])}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    missed = [v for v in verdicts if False in (v["ratio_ok"], v["median_ok"], v["p95_ok"], v["errors_ok"])]
    lines.append("")
    lines.append(f"{len(verdicts) - len(missed)} of {len(verdicts)} pages within every budget.")
    return "\n".join(lines)


def _verdict(ok: bool | None) -> str:
    return "–" if ok is None else ("PASS" if ok else "MISS")


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


def markdown(result: dict) -> str:
    """The page table of a `bench/run` JSON file, one row per page with both levels side by side,
    as pasted into docs/performance.md (`python -m bench.harness.report bench/results/run-….json`)."""
    levels = sorted({row["clients"] for row in result["pages"]})
    by_page: dict[tuple, dict] = {}
    for row in result["pages"]:
        by_page.setdefault((row["role"], row["page"]), {})[row["clients"]] = row
    header = ["Page", "Role", "Queries"]
    for level in levels:
        header += [f"median ({level})", f"p95 ({level})", f"req/s ({level})", f"p95 ÷ floor ({level})"]
    header.append("Errors")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for (role, page), rows in by_page.items():
        first = rows[levels[0]]
        queries = first["queries_min"]
        if queries is not None and first["queries_max"] != queries:
            queries = f"{first['queries_min']}–{first['queries_max']}"
        cells = [page, role, str(queries if queries is not None else "–")]
        for level in levels:
            row = rows.get(level)
            if row is None:
                cells += ["–"] * 4
                continue
            cells += [
                f"{row['median_ms']:.0f} ms",
                f"{row['p95_ms']:.0f} ms",
                f"{row['throughput']:.1f}",
                "1" if page.startswith("Floor") else _num(row.get("ratio_p95")),
            ]
        errors = sum(rows[level]["errors"] for level in rows)
        statuses = sorted({status for level in rows for status in rows[level]["statuses"] if status != "200"})
        cells.append(f"{errors} ({', '.join(statuses)})" if errors else "0")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    result = json.loads(Path(sys.argv[1]).read_text())
    print(markdown(result))
    if "budgets" in result:
        print()
        print(budget_markdown(result["budgets"]))
