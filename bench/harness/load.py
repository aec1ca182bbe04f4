"""`bench/load`: 50 concurrent clients for 60 s across the key pages and registration (issue #8 point 4).

Passes when no response is a server error (5xx) or a dropped connection, and every registration the
site acknowledged is in the database. Loopback only; bounded by --seconds.
"""

import argparse
import sys
import time

from bench.harness import report
from bench.harness.setup import add_common_arguments, environment


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="bench/load", description=__doc__)
    add_common_arguments(parser, scale=0.1)
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50)")
    parser.add_argument("--seconds", type=float, default=60, help="duration (default 60)")
    args = parser.parse_args(argv)
    with environment(args) as env:
        from django.utils import timezone

        from bench.harness.pages import key_pages
        from bench.harness.traffic import (
            Traffic,
            build_actors,
            open_cohort_ids,
            remove_traffic_rows,
            verify_acknowledged,
        )

        pages, _ = key_pages()
        names = {page.path: page.name for page in pages}
        actors = build_actors(env, pages, clients=args.clients)
        traffic = Traffic(actors, open_cohort_ids())
        print(f"{len(actors)} clients for {args.seconds:g} s…", flush=True)
        began = timezone.now()
        traffic.start()
        time.sleep(args.seconds)
        elapsed = traffic.stop()
        result = traffic.report(names)
        result["verification"] = verify_acknowledged(traffic.acknowledged)
        result["removed_afterwards"] = remove_traffic_rows(traffic.acknowledged, began)
    result.update(
        benchmark="load",
        environment=report.environment(),
        scale=args.scale,
        clients=args.clients,
        seconds=round(elapsed, 1),
        throughput=round(result["requests"] / elapsed, 1),
    )
    _print(result)
    path = report.write_json(f"load-scale{args.scale:g}", result)
    print(f"\nJSON: {path}")
    verification = result["verification"]
    passed = (
        result["server_errors"] == 0
        and result["connection_errors"] == 0
        and verification["acknowledged"] > 0  # a run in which nobody could register proves nothing
        and verification["found"] == verification["acknowledged"]
    )
    print("PASS" if passed else "FAIL")
    return 0 if passed else 1


def _print(result: dict) -> None:
    print(f"\n{'action':<44} {'requests':>8} {'median':>9} {'p95':>9} {'5xx':>5}  statuses")
    for name, action in result["actions"].items():
        median = f"{action['median_ms']}ms" if action["median_ms"] is not None else "-"
        p95 = f"{action['p95_ms']}ms" if action["p95_ms"] is not None else "-"
        print(
            f"{name[:44]:<44} {action['requests']:>8} {median:>9} {p95:>9} {action['server_errors']:>5}  "
            f"{action['statuses']}"
        )
    verification = result["verification"]
    print(
        f"\n{result['requests']} requests in {result['seconds']} s ({result['throughput']} req/s), "
        f"{result['server_errors']} server errors, {result['connection_errors']} dropped connections; "
        f"{verification['acknowledged']} registrations acknowledged, {verification['found']} found in the database"
    )
    removed = result["removed_afterwards"]
    print(
        f"Taken out again: {removed['registrations']} registrations and {removed['messages']} messages, "
        "so the database is as the generator left it"
    )


if __name__ == "__main__":
    sys.exit(main())
