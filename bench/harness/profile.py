"""`bench/profile PATH [--as ROLE]`: where one page spends its time, on the bench database.

Runs the page in this process through Django's test client (signed in as the first bench account
of the role, with the tests' `SignInClient.force_login`, which also records the authenticator step
staff sessions need), under cProfile, and prints the query count, the slowest queries
and the functions of this project that took the most time. For finding what to make fast; the
numbers to quote come from `bench/run`.
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time

from bench.harness.app import ROOT
from bench.harness.redis_server import RedisServer


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="bench/profile", description=__doc__)
    parser.add_argument("path", help="the page, e.g. /cohorts/")
    parser.add_argument("--as", dest="role", default="", help="programme, facilitator, trainer or participant")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", ""), required=False)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--redis-port", type=int, default=63792, help="port of the throw-away Redis (default 63792)")
    args = parser.parse_args(argv)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    cache = RedisServer(args.redis_port)  # the app's cache is production's RedisCache, as in `bench/run`
    cache.start()
    os.environ["REDIS_URL"] = cache.url
    try:
        return _profile(args)
    finally:
        cache.stop()


def _profile(args) -> int:
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bench.accounts import accounts
    from core.models import User
    from core.roles import Role
    from core.tests.clients import SignInClient

    client = SignInClient(HTTP_HOST="127.0.0.1")
    if args.role:
        client.force_login(User.objects.get(email=accounts(Role.from_slug(args.role), 1)[0].email))
    client.get(args.path)  # warm: URL resolvers, templates, content types
    profiler = cProfile.Profile()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        profiler.enable()
        response = client.get(args.path)
        profiler.disable()
        elapsed = time.perf_counter() - started
    print(f"{args.path}: {response.status_code}, {len(response.content):,} bytes, {elapsed * 1000:.0f} ms")
    timed = sorted(queries.captured_queries, key=lambda query: -float(query["time"]))
    print(f"{len(queries)} queries, {sum(float(q['time']) for q in timed) * 1000:.0f} ms in the database; slowest:")
    for query in timed[:5]:
        print(f"  {float(query['time']) * 1000:7.1f} ms  {query['sql'][:240]}")
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream).sort_stats("cumulative")
    stats.print_stats(str(ROOT).replace("\\", "/") + r"/(?!\.venv)", args.top)
    print("\n".join(line for line in stream.getvalue().splitlines() if line.strip())[-6000:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
