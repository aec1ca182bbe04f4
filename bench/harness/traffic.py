"""Mixed traffic from many signed-in clients at once: browsing the key pages and registering.

Used by `bench/load` (50 clients for 60 s, no server errors allowed) and `bench/faults` (the same
traffic while PostgreSQL restarts). Every registration the site acknowledged (a redirect to "my
courses" after the POST) is remembered, so it can be looked for in the database afterwards.
"""

import random
import statistics
import threading
import time
from dataclasses import dataclass, field

from bench.harness.client import Client
from bench.harness.measure import percentile

REGISTRATION_ANSWERS = {
    "applying_as": "professional",
    "sectors": ["education", "health"],
    "organisation": "Load Test Primary School",
    "organisation_type": "school",
    "job_title": "SENCO",
    "work_setting": "mainstream",
    "experience": "some",
    "years_experience": "1-5",
    "relation_to_child": "n/a",
    "how_heard": "work",
    "access_needs": "",
}


@dataclass
class ActionStats:
    times: list[float] = field(default_factory=list)
    statuses: dict = field(default_factory=dict)

    def record(self, status, seconds: float | None) -> None:
        self.statuses[status] = self.statuses.get(status, 0) + 1
        if seconds is not None:
            self.times.append(seconds)

    def summary(self) -> dict:
        requests = sum(self.statuses.values())
        return {
            "requests": requests,
            "median_ms": round(statistics.median(self.times) * 1000, 1) if self.times else None,
            "p95_ms": round(percentile(self.times, 0.95) * 1000, 1) if self.times else None,
            "server_errors": sum(n for status, n in self.statuses.items() if isinstance(status, int) and status >= 500),
            "connection_errors": self.statuses.get("connection", 0),
            "statuses": {str(status): n for status, n in self.statuses.items()},
        }


@dataclass
class Actor:
    """One simulated person: a client, their role and what they do."""

    client: Client
    role: str
    email: str = ""
    pages: list[str] = field(default_factory=list)


class Traffic:
    def __init__(self, actors: list[Actor], open_cohorts: list[int], *, seed: int = 8, think: float = 0.0):
        self.actors, self.open_cohorts, self.think = actors, open_cohorts, think
        self.rng = random.Random(seed)  # noqa: S311 - traffic mix, not secrets
        self.stats: dict[str, ActionStats] = {}
        self.acknowledged: list[tuple[str, int]] = []
        self.lock = threading.Lock()
        self.running = threading.Event()
        self.threads: list[threading.Thread] = []
        self.timeline: list[tuple[float, int]] = []  # (seconds since start, status) for the fault report
        self.started = 0.0

    def _record(self, action: str, status, seconds: float | None) -> None:
        with self.lock:
            self.stats.setdefault(action, ActionStats()).record(status, seconds)
            self.timeline.append((time.perf_counter() - self.started, status))

    def _get(self, actor: Actor, action: str, path: str):
        try:
            response = actor.client.get(path)
        except OSError:
            actor.client.close()
            self._record(action, "connection", None)
            return None
        self._record(action, response.status, response.seconds)
        return response

    def _register(self, actor: Actor, rng: random.Random) -> None:
        cohort = rng.choice(self.open_cohorts)
        path = f"/cohorts/{cohort}/register/?as={REGISTRATION_ANSWERS['applying_as']}"  # the form's second step
        form = self._get(actor, "Registration form", path)
        if form is None or form.status != 200:
            return
        try:
            token = form.csrf_token()
            response = actor.client.request("POST", path, {"csrfmiddlewaretoken": token, **REGISTRATION_ANSWERS})
        except OSError:
            actor.client.close()
            self._record("Registration (POST)", "connection", None)
            return
        except Exception:  # noqa: BLE001 - a page without a form is recorded as a failed registration
            self._record("Registration (POST)", "no form", None)
            return
        self._record("Registration (POST)", response.status, response.seconds)
        if response.status == 302 and response.location.endswith("/my/courses/"):
            with self.lock:
                self.acknowledged.append((actor.email, cohort))

    def _run(self, actor: Actor, seed: int) -> None:
        rng = random.Random(seed)  # noqa: S311
        while self.running.is_set():
            if actor.role == "participant" and rng.random() < 0.3:
                self._register(actor, rng)
            else:
                path = rng.choice(actor.pages)
                self._get(actor, path, path)
            if self.think:
                time.sleep(rng.uniform(0, self.think))

    def start(self) -> None:
        self.started = time.perf_counter()
        self.running.set()
        for index, actor in enumerate(self.actors):
            thread = threading.Thread(target=self._run, args=(actor, index), daemon=True)
            thread.start()
            self.threads.append(thread)

    def stop(self) -> float:
        self.running.clear()
        for thread in self.threads:
            thread.join(timeout=120)
        return time.perf_counter() - self.started

    def report(self, page_names: dict[str, str]) -> dict:
        actions = {page_names.get(name, name): stats.summary() for name, stats in sorted(self.stats.items())}
        return {
            "requests": sum(action["requests"] for action in actions.values()),
            "server_errors": sum(action["server_errors"] for action in actions.values()),
            "connection_errors": sum(action["connection_errors"] for action in actions.values()),
            "acknowledged_registrations": len(self.acknowledged),
            "actions": actions,
        }


def build_actors(env, pages, *, clients: int) -> list[Actor]:
    """`clients` people: about 40% anonymous visitors, 30% participants (who also register), and
    trainers, facilitators and programme admins for the rest, each browsing their role's key pages."""
    from bench.accounts import ACCOUNTS_PER_ROLE, accounts
    from core.roles import Role

    shares = [("anonymous", 0.4), ("participant", 0.3), ("trainer", 0.1), ("facilitator", 0.12), ("programme", 0.08)]
    counts = {role: max(1, round(clients * share)) for role, share in shares}
    counts["anonymous"] += clients - sum(counts.values())
    actors = []
    for role, count in counts.items():
        role_pages = [page.path for page in pages if page.role == role]
        if role == "participant":  # their own pages; other people's registrations would be 404s
            role_pages = [path for path in role_pages if not path.startswith("/my/course/")]
        if role == "anonymous":
            actors += [Actor(client=env.client(), role=role, pages=role_pages) for _ in range(count)]
            continue
        people = accounts(Role.from_slug(role), ACCOUNTS_PER_ROLE[Role.from_slug(role)])
        signed = {}
        for index in range(count):
            account = people[index % len(people)]
            client = env.client()
            if account.email in signed:
                client.cookies = dict(signed[account.email].cookies)
            else:
                client.login(account)
                signed[account.email] = client
            actors.append(Actor(client=client, role=role, email=account.email, pages=role_pages))
    return actors


def open_cohort_ids(limit: int = 400) -> list[int]:
    """Open cohorts people may still join (the ones the public listing shows), Day 1 + Day 2 first."""
    from django.utils import timezone

    from events.models import Cohort
    from events.selectors.cohorts import open_cohorts

    return list(
        open_cohorts(today=timezone.localdate())
        .filter(path=Cohort.Path.FULL)
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )


def verify_acknowledged(acknowledged: list[tuple[str, int]]) -> dict:
    """Every registration the site acknowledged must be in the database (confirmed or waiting)."""
    from events.models import Registration

    found = set(
        Registration.objects.filter(person__email__in={email for email, _ in acknowledged})
        .exclude(status=Registration.Status.CANCELLED)
        .values_list("person__email", "cohort_id")
    )
    missing = [pair for pair in acknowledged if pair not in found]
    return {"acknowledged": len(acknowledged), "found": len(acknowledged) - len(missing), "missing": missing[:20]}


def remove_traffic_rows(acknowledged: list[tuple[str, int]], since) -> dict:
    """Take out what the traffic added (registrations made and messages sent to its people since
    `since`), once they have been verified, so a database reused with `--reuse` is as the generator
    left it: a participant given forty more courses by one load run has a slower dashboard in the
    next `bench/run`."""
    from django.db import transaction

    from core.models import Notification
    from events.models import Registration

    emails, pairs = {email for email, _ in acknowledged}, set(acknowledged)
    made = [
        pk
        for pk, email, cohort_id in Registration.objects.filter(
            person__email__in=emails, registered_at__gte=since
        ).values_list("pk", "person__email", "cohort_id")
        if (email, cohort_id) in pairs
    ]
    with transaction.atomic():
        registrations = Registration.objects.filter(pk__in=made).delete()[1].get("events.Registration", 0)
        messages = Notification.objects.filter(recipient__email__in=emails, created_at__gte=since).delete()[0]
    return {"registrations": registrations, "messages": messages}
