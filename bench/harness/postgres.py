"""A PostgreSQL to benchmark on: a database on a server you name, or a throw-away cluster in /tmp.

The fault test needs a cluster of its own (it restarts it), so it always makes one. `initdb` and
`pg_ctl` refuse to run as root, so as root they run as the `postgres` user, like `.ci/run` does.
"""

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import time
import urllib.parse
from dataclasses import dataclass

import psycopg


def pg_bin(program: str) -> str:
    found = shutil.which(program)
    if found:
        return found
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda path: int(path.split("/")[-2]))
    if not versions:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql).")
    return os.path.join(versions[-1], program)


def _as_postgres(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)  # noqa: S603


def _server_url(url: str) -> tuple[str, str]:
    """(URL of the maintenance database, name of the database) for a postgres:// URL."""
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    return urllib.parse.urlunsplit(parts._replace(path="/postgres")), name


def recreate_database(url: str) -> None:
    """Drop and create the database named in `url` (only databases whose name starts with eskw_bench)."""
    server, name = _server_url(url)
    if not name.startswith("eskw_bench"):
        raise RuntimeError(f"Refusing to drop {name!r}: bench databases are named eskw_bench…")
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def database_exists(url: str) -> bool:
    server, name = _server_url(url)
    with psycopg.connect(server, autocommit=True) as connection:
        return connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


@dataclass
class Cluster:
    """A throw-away PostgreSQL cluster on 127.0.0.1, removed by `destroy()`."""

    directory: str
    port: int

    @classmethod
    def create(cls, port: int) -> "Cluster":
        directory = tempfile.mkdtemp(prefix="eskw-bench-pg.", dir="/tmp")  # noqa: S108
        if os.geteuid() == 0:
            shutil.chown(directory, "postgres")
        cluster = cls(directory=directory, port=port)
        _as_postgres(
            [pg_bin("initdb"), "-D", cluster.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]
        )
        # Durable as in production (fsync on): the fault test proves acknowledged writes survive a crash.
        with open(os.path.join(directory, "options"), "w") as handle:
            handle.write(f"-c listen_addresses=127.0.0.1 -p {port} -k {directory} -c max_connections=200")
        cluster.start()
        return cluster

    @property
    def data(self) -> str:
        return os.path.join(self.directory, "data")

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def _pg_ctl(self, *args: str) -> None:
        with open(os.path.join(self.directory, "options")) as handle:
            options = handle.read()
        _as_postgres(
            [pg_bin("pg_ctl"), "-D", self.data, "-l", os.path.join(self.directory, "log"), *args, "-o", options]
        )

    def start(self) -> None:
        self._pg_ctl("-w", "start")

    def restart(self, mode: str = "fast") -> float:
        """Stop (fast: disconnects everyone, like a crash to the app) and start; returns the seconds taken."""
        started = time.perf_counter()
        self._pg_ctl("-w", "-m", mode, "restart")
        return time.perf_counter() - started

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._pg_ctl("-w", "-m", "fast", "stop")

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)
