"""Where a benchmark runs: the database (a server you name, or a throw-away cluster), the prepared
data, the app under gunicorn, and signed-in clients. Shared by bench/run, bench/load and bench/faults."""

import argparse
import json
import os
import re
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

from bench.harness import postgres
from bench.harness.app import Gunicorn, app_env, collect_static, manage, prepare_database
from bench.harness.client import Client
from bench.harness.redis_server import RedisServer

DATABASE_NAME = "eskw_bench"


def add_common_arguments(parser: argparse.ArgumentParser, *, scale: float) -> None:
    parser.add_argument("--scale", type=float, default=scale, help=f"dataset scale (default {scale})")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", ""),
        help="postgres://… of a database named eskw_bench… to DROP and recreate (default: $BENCH_DATABASE_URL, "
        "else a throw-away cluster in /tmp)",
    )
    parser.add_argument("--reuse", action="store_true", help="keep the database's data if it has some")
    parser.add_argument("--port", type=int, default=8765, help="gunicorn port on 127.0.0.1 (default 8765)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4)")
    parser.add_argument("--pg-port", type=int, default=54341, help="port of the throw-away cluster (default 54341)")
    parser.add_argument("--redis-port", type=int, default=63791, help="port of the throw-away Redis (default 63791)")


@dataclass
class Environment:
    database_url: str
    env: dict
    server: Gunicorn
    cluster: postgres.Cluster | None = None
    generation: dict = field(default_factory=dict)

    @property
    def port(self) -> int:
        return self.server.port

    def client(self) -> Client:
        return Client("127.0.0.1", self.port)


def _generated_scale(url: str) -> float | None:
    """The scale `generate_national_data` left in the database's comment, if it finished there."""
    import psycopg

    try:
        with psycopg.connect(url) as connection:
            row = connection.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()"
            ).fetchone()
    except psycopg.Error:
        return None
    match = re.search(r"eskw-bench scale=([0-9.e-]+)", (row and row[0]) or "")
    return float(match.group(1)) if match else None


@contextmanager
def environment(args, *, own_cluster: bool = False, extra_env: dict | None = None):
    """Yields a running Environment; stops gunicorn and Redis (and removes a throw-away cluster) on the
    way out."""
    with ExitStack() as stack:
        cluster = None
        url = "" if own_cluster else args.database_url
        if not url:
            print(f"Throw-away PostgreSQL cluster on 127.0.0.1:{args.pg_port}", flush=True)
            cluster = postgres.Cluster.create(args.pg_port)
            stack.callback(cluster.destroy)
            url = cluster.url(DATABASE_NAME)
        cache = RedisServer(args.redis_port)
        print(f"Throw-away Redis on 127.0.0.1:{args.redis_port}", flush=True)
        cache.start()
        stack.callback(cache.stop)
        env = app_env(url, REDIS_URL=cache.url, **(extra_env or {}))
        summary_path = f"/tmp/eskw-bench-generation-{os.getpid()}.json"  # noqa: S108
        generation = {}
        reused = _generated_scale(url) if args.reuse and postgres.database_exists(url) else None
        if reused is not None:
            args.scale = reused
            print(f"Reusing the data in {url} (scale {reused:g})", flush=True)
            manage(env, "migrate", "--noinput", "-v", "0", quiet=True)  # the code may have moved on
        else:
            print(f"Preparing {url} at scale {args.scale}", flush=True)
            postgres.recreate_database(url)
            prepare_database(env, args.scale, summary_path)
            with open(summary_path) as handle:
                generation = json.load(handle)
            os.unlink(summary_path)
        collect_static(env)
        _django_setup(env)
        server = Gunicorn(env, port=args.port, workers=args.workers)
        started = time.perf_counter()
        server.start()
        stack.callback(server.stop)
        print(f"gunicorn: {args.workers} workers on 127.0.0.1:{args.port} ({time.perf_counter() - started:.1f} s)")
        yield Environment(database_url=url, env=env, server=server, cluster=cluster, generation=generation)


def _django_setup(env: dict) -> None:
    """This process reads the same database (ids for the pages, the import and sweep timings)."""
    for name in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "BENCH_EMAIL_DIR", "BENCH_STATIC_ROOT"):
        if name in env:
            os.environ[name] = env[name]
    import django

    django.setup()


def signed_in(environment: Environment, role, count: int, *, people: int | None = None) -> list[Client]:
    """`count` clients signed in as `role` through the allauth forms, as up to `people` different
    bench accounts; further clients share their sessions (as several tabs of one browser would)."""
    from bench.accounts import ACCOUNTS_PER_ROLE, accounts

    chosen = accounts(role, min(count, people or ACCOUNTS_PER_ROLE[role], ACCOUNTS_PER_ROLE[role]))
    signed = []
    for account in chosen:
        client = environment.client()
        client.login(account)
        signed.append(client)
    clients = list(signed)
    while len(clients) < count:
        clients.extend(copies(environment, signed[len(clients) % len(signed)], 1))
    return clients


def copies(environment: Environment, client: Client, count: int) -> list[Client]:
    """`count` clients with `client`'s cookies: the same person in several tabs."""
    made = []
    for _ in range(count):
        copy = environment.client()
        copy.cookies = dict(client.cookies)
        made.append(copy)
    return made
