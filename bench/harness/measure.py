"""Latency and throughput of one page under N concurrent clients, each signed in as its role.

Every client thread repeats the request for a fixed time after a short warm-up and records each
response's time, status and `X-Bench-Queries`. Median and p95 are over all requests in the window;
throughput is requests completed per second of wall-clock time.
"""

import math
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from bench.harness.client import Client


@dataclass
class Sample:
    page: str
    role: str
    path: str
    clients: int
    requests: int = 0
    errors: int = 0
    server_errors: int = 0
    statuses: dict = field(default_factory=dict)
    median_ms: float = 0.0
    p95_ms: float = 0.0
    throughput: float = 0.0
    queries_min: int | None = None
    queries_max: int | None = None
    bytes: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


def settle(client: Client, floor_path: str, *, quick: float = 0.25, limit: float = 240) -> float:
    """Wait until the server has worked through requests still queued from a slow page (gunicorn
    finishes them even when their client gave up), so the next page is measured on an idle server."""
    started = time.perf_counter()
    calm = 0
    while calm < 3 and time.perf_counter() - started < limit:
        calm = calm + 1 if _quietly_get(client, floor_path) < quick else 0
        if calm == 0:
            time.sleep(1)
    return time.perf_counter() - started


def percentile(values: list[float], fraction: float) -> float:
    """Nearest rank: the smallest value with at least `fraction` of the values at or below it."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]


def _quietly_get(client: Client, path: str) -> float:
    try:
        return client.get(path).seconds
    except OSError:
        client.close()
        return float("inf")


def _warm_up(clients: list[Client], path: str) -> None:
    """One request, then (for a page that answers within a second) one from each of the next few
    clients at once: connections open, every worker has compiled its templates."""
    if not clients or _quietly_get(clients[0], path) > 1:
        return
    threads = [threading.Thread(target=_quietly_get, args=(client, path)) for client in clients[1:]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def warm_every_worker(clients: list[Client], path: str) -> None:
    """One request from each client at once, whatever the page takes: with at least twice as many
    clients as workers, every worker has served the page (compiled its templates, filled its
    connection) before it is measured, even at one client."""
    threads = [threading.Thread(target=_quietly_get, args=(client, path)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def measure(
    clients: list[Client],
    *,
    page: str,
    role: str,
    path: str,
    seconds: float,
    max_requests: int | None = None,
    warmup: int = 4,
    expect: Callable[[int], bool] = lambda status: status == 200,
) -> Sample:
    """`clients` run concurrently (one thread each) for `seconds`, or until `max_requests` in total."""
    _warm_up(clients[:warmup], path)
    lock = threading.Lock()
    times: list[float] = []
    sample = Sample(page=page, role=role, path=path, clients=len(clients))
    queries: list[int] = []
    deadline = time.perf_counter() + seconds

    def run(client: Client) -> None:
        while time.perf_counter() < deadline:
            with lock:
                if max_requests is not None and sample.requests >= max_requests:
                    return
                sample.requests += 1
            try:
                response = client.get(path)
            except OSError as error:
                client.close()
                kind = "timeout" if isinstance(error, TimeoutError) else "connection"
                with lock:
                    sample.errors += 1
                    sample.server_errors += kind == "connection"  # a worker killed mid-request
                    sample.statuses[kind] = sample.statuses.get(kind, 0) + 1
                continue
            with lock:
                times.append(response.seconds)
                sample.statuses[response.status] = sample.statuses.get(response.status, 0) + 1
                sample.bytes = len(response.body)
                if not expect(response.status):
                    sample.errors += 1
                if response.status >= 500:
                    sample.server_errors += 1
                if response.queries is not None:
                    queries.append(response.queries)

    started = time.perf_counter()
    threads = [threading.Thread(target=run, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    if times:
        sample.median_ms = round(statistics.median(times) * 1000, 1)
        sample.p95_ms = round(percentile(times, 0.95) * 1000, 1)
        sample.throughput = round(len(times) / wall, 1)
    if queries:
        sample.queries_min, sample.queries_max = min(queries), max(queries)
    sample.statuses = {str(status): count for status, count in sample.statuses.items()}
    return sample
