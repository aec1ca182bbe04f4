"""`bench/run`: each role's key pages under 1 and 16 signed-in clients, beside the baselines (issue #8
point 2, issue #20).

For each role and number of clients, the baselines are measured with the same clients right before
that role's pages, so every ratio compares like with like in one run: the floor (`/bench/floor/`, one
query), a plain template page, and for roles with admin listings the stock Wagtail listing of a plain
model. The closing table marks each page PASS or MISS against its budgets (bench.harness.report).
Then, with gunicorn stopped, the XLSX import against bulk_create and the daily reminder sweeps.
"""

import argparse
import sys
import time

from bench.harness import report
from bench.harness.measure import measure, settle, warm_every_worker
from bench.harness.setup import add_common_arguments, copies, environment, signed_in

ROLE_ORDER = ("anonymous", "participant", "trainer", "facilitator", "programme")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__)
    add_common_arguments(parser, scale=1.0)
    parser.add_argument("--clients", default="1,16", help="concurrency levels (default 1,16)")
    parser.add_argument("--seconds", type=float, default=4.0, help="measuring window per page and level (default 4)")
    parser.add_argument("--import-rows", type=int, default=10_000, help="rows for the import timing (default 10000)")
    parser.add_argument("--skip-timings", action="store_true", help="pages only: no import or sweep timings")
    parser.add_argument("--skip-pages", action="store_true", help="import and sweep timings only")
    parser.add_argument("--skip-sweeps", action="store_true", help="no reminder sweep timings")
    parser.add_argument("--only", default="", help="measure only pages whose name contains this text")
    args = parser.parse_args(argv)
    levels = [int(level) for level in args.clients.split(",")]
    started = time.perf_counter()
    with environment(args) as env:
        from bench.harness.pages import ADMIN_LISTING, ANONYMOUS, FLOOR, PLAIN, STOCK_LISTING, key_pages
        from core.roles import Role

        pages, missing = key_pages()
        if args.skip_pages:
            pages = []
        if args.only:
            pages = [page for page in pages if args.only.lower() in page.name.lower()]
        print(f"{len(pages)} key pages; not in this codebase yet: {', '.join(missing) or 'none'}", flush=True)
        rows = []
        for level in levels if pages else []:
            for role in ROLE_ORDER:
                role_pages = [page for page in pages if page.role == role]
                if not role_pages:
                    continue
                if role == ANONYMOUS:
                    clients = [env.client() for _ in range(level)]
                else:
                    # Participants' pages name one person's registration: every client is that person.
                    people = 1 if role == Role.PARTICIPANT.slug else 4
                    clients = signed_in(env, Role.from_slug(role), level, people=people)
                baselines = [PLAIN, *([STOCK_LISTING] if any(p.kind == ADMIN_LISTING for p in role_pages) else [])]
                warmers = copies(env, clients[0], 2 * args.workers)
                for page in [FLOOR, *baselines, *role_pages]:
                    warm_every_worker(warmers, page.path)
                for warmer in warmers:
                    warmer.close()
                floor = measure(clients, page=FLOOR.name, role=role, path=FLOOR.path, seconds=args.seconds)
                rows.append(_row(floor, FLOOR.kind, floor))
                print(report.page_table([rows[-1]]).splitlines()[-1], flush=True)
                for page in [*baselines, *role_pages]:
                    sample = measure(clients, page=page.name, role=role, path=page.path, seconds=args.seconds)
                    rows.append(_row(sample, page.kind, floor))
                    print(report.page_table([rows[-1]]).splitlines()[-1], flush=True)
                    if sample.errors or sample.p95_ms > 2000:
                        waited = settle(env.client(), FLOOR.path)
                        print(f"  (waited {waited:.0f} s for the server to finish queued requests)", flush=True)
                for client in clients:
                    client.close()
        env.server.stop()
        timings = {}
        if not args.skip_timings:
            from bench.harness import timings as server_timings

            if not args.skip_sweeps:
                print("Reminder sweeps over all cohorts…", flush=True)
                timings["sweeps"] = server_timings.reminder_sweeps()
            print(f"XLSX import of {args.import_rows} registrations against bulk_create…", flush=True)
            timings["import"] = server_timings.import_against_bulk_create(args.import_rows)
        result = {
            "benchmark": "pages",
            "environment": report.environment(),
            "scale": args.scale,
            "workers": args.workers,
            "seconds_per_measurement": args.seconds,
            "generation": env.generation,
            "missing_pages": missing,
            "pages": rows,
            "budgets": report.budgets(rows, stock_listing=STOCK_LISTING.name),
            "timings": timings,
            "total_seconds": round(time.perf_counter() - started, 1),
        }
    print()
    print(report.page_table(rows))
    print()
    print(report.budget_markdown(result["budgets"]))
    _print_timings(result["timings"])
    path = report.write_json(f"run-scale{args.scale:g}", result)
    print(f"\nJSON: {path}")
    server_errors = sum(row["server_errors"] for row in rows)
    return 1 if server_errors else 0


def _row(sample, kind: str, floor) -> dict:
    row = sample.as_dict()
    row["kind"] = kind
    row["ratio_median"] = report.ratio(sample.median_ms, floor.median_ms)
    row["ratio_p95"] = report.ratio(sample.p95_ms, floor.p95_ms)
    return row


def _print_timings(timings: dict) -> None:
    if "sweeps" in timings:
        sweeps = timings["sweeps"]
        print(f"\nReminder sweeps ({sweeps['open_confirmed_registrations']} confirmed registrations on open cohorts):")
        for sweep in sweeps["sweeps"]:
            print(
                f"  {sweep['sweep']:<46} {sweep['run']:<26} {sweep['seconds']:7.2f} s  "
                f"{sweep['messages_queued']:>6} messages  {sweep['queries']:>7} queries"
            )
    if "import" in timings:
        imp = timings["import"]
        print(
            f"\nXLSX import of {imp['rows']} registrations ({imp['files']} files): parse {imp['parse_seconds']} s, "
            f"preview {imp['preview_seconds']} s, import {imp['import_seconds']} s, total {imp['total_seconds']} s "
            f"({imp['ms_per_row']} ms a row); bare bulk_create {imp['bulk_create_seconds']} s "
            f"(import is {imp['ratio_to_bulk_create']}× bulk_create)"
        )


if __name__ == "__main__":
    sys.exit(main())
