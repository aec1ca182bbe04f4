"""`bench/faults`: PostgreSQL restarted under load, and the task worker killed mid-batch (issue #8 point 4).

1. The load of `bench/load` runs against a PostgreSQL cluster this script creates in /tmp (fsync on);
   part-way through, the cluster is restarted with `pg_ctl restart -m immediate` (a crash: no
   checkpoint, recovery on start). Measured: how long until the site answers again, and whether
   every registration the site acknowledged, before or after, is in the database. While the
   database is away the site must answer 503 with `Retry-After` (core.outage), never 500: the run
   counts the two apart and passes only with no 500 at all (issue #19 point 5).
2. A batch of reminders is queued (the daily sweep run for a day ahead, so that many are due), the
   task worker (`manage.py run_task_worker`) is killed with SIGKILL while sending it (four times, at 20, 40,
   60 and 80% sent, each time just after it claimed a task, so the kill lands inside the sending),
   then started again.
   Mail goes to files (Django's file backend), so what was really sent can be counted: each message
   must be sent exactly once, once every `core.Notification` row says it was.
"""

import argparse
import email
import email.policy
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.harness import report
from bench.harness.app import PYTHON, ROOT
from bench.harness.setup import add_common_arguments, environment

SEPARATOR = b"\n" + b"-" * 79 + b"\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="bench/faults", description=__doc__)
    add_common_arguments(parser, scale=0.05)
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50)")
    parser.add_argument("--seconds", type=float, default=60, help="duration of the load (default 60)")
    parser.add_argument("--restart-after", type=float, default=20, help="restart PostgreSQL after this (default 20)")
    parser.add_argument(
        "--kill-at",
        default="0.2,0.4,0.6,0.8",
        help="kill the worker when these shares are sent (default 0.2,0.4,0.6,0.8)",
    )
    args = parser.parse_args(argv)
    mail_dir = tempfile.mkdtemp(prefix="eskw-bench-mail.", dir="/tmp")  # noqa: S108
    result = {"benchmark": "faults", "environment": report.environment(), "scale": args.scale}
    try:
        with environment(args, own_cluster=True, extra_env={"BENCH_EMAIL_DIR": mail_dir}) as env:
            result["database_restart"] = database_restart(env, args)
            env.server.stop()
            shares = [float(share) for share in args.kill_at.split(",")]
            result["worker_kill"] = worker_kill(env, mail_dir, shares)
    finally:
        shutil.rmtree(mail_dir, ignore_errors=True)
    _print(result)
    path = report.write_json(f"faults-scale{args.scale:g}", result)
    print(f"\nJSON: {path}")
    passed = result["database_restart"]["passed"] and result["worker_kill"]["passed"]
    print("PASS" if passed else "FAIL")
    return 0 if passed else 1


def database_restart(env, args) -> dict:
    from django.db import connection

    from bench.harness.pages import key_pages
    from bench.harness.traffic import Traffic, build_actors, open_cohort_ids, verify_acknowledged

    pages, _ = key_pages()
    actors = build_actors(env, pages, clients=args.clients)
    traffic = Traffic(actors, open_cohort_ids())
    connection.close()  # this process's connection would not survive the restart either
    print(f"{len(actors)} clients for {args.seconds:g} s; PostgreSQL restarts after {args.restart_after:g} s…")
    traffic.start()
    time.sleep(args.restart_after)
    restart_at = time.perf_counter() - traffic.started
    restart_seconds = env.cluster.restart(mode="immediate")
    probe, answered_after = env.client(), None
    while answered_after is None and time.perf_counter() - traffic.started < args.seconds + 60:
        try:
            if probe.get("/bench/floor/").status == 200:
                answered_after = time.perf_counter() - traffic.started - restart_at
        except OSError:
            probe.close()
        if answered_after is None:
            time.sleep(0.1)
    time.sleep(max(0.0, args.seconds - (time.perf_counter() - traffic.started)))
    elapsed = traffic.stop()
    load = traffic.report({page.path: page.name for page in pages})
    errors = [(at, status) for at, status in traffic.timeline if status == "connection" or int(status) >= 500]
    unavailable = sum(1 for _, status in errors if status == 503)
    server_errors = sum(1 for _, status in errors if status not in ("connection", 503))
    last_error = max((at for at, _ in errors), default=None)
    verification = verify_acknowledged(traffic.acknowledged)
    outcome = {
        "seconds": round(elapsed, 1),
        "restart_at_seconds": round(restart_at, 1),
        "pg_ctl_restart_seconds": round(restart_seconds, 2),
        "site_answered_after_seconds": round(answered_after, 2) if answered_after is not None else None,
        "errors_during_outage": len(errors),
        "last_error_after_restart_seconds": round(last_error - restart_at, 2) if last_error else None,
        "requests": load["requests"],
        "service_unavailable_503": unavailable,
        "server_errors_500": server_errors,
        "verification": verification,
        "actions": load["actions"],
    }
    outcome["passed"] = (
        answered_after is not None
        and answered_after < 10
        and server_errors == 0
        and verification["acknowledged"] > 0  # a run in which nobody could register proves nothing
        and verification["found"] == verification["acknowledged"]
        and all(at >= restart_at - 1 for at, _ in errors)
    )
    return outcome


def worker_kill(env, mail_dir: str, shares: list[float]) -> dict:
    import datetime

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from core.models import Notification
    from events.services.messaging import cohort_messages_send_due

    before = set(Notification.objects.filter(status=Notification.Status.QUEUED).values_list("pk", flat=True))
    queued = 0
    for days in (10, 20, 30, 45):  # a day ahead far enough that a batch of packs and agendas is due
        queued += cohort_messages_send_due(today=timezone.localdate() + datetime.timedelta(days=days))
        if queued >= 200:
            break
    batch = Notification.objects.filter(status=Notification.Status.QUEUED).exclude(pk__in=before)
    batch_ids = set(batch.values_list("pk", flat=True))
    print(f"{len(batch_ids)} messages queued; the worker is killed at {', '.join(f'{s:.0%}' for s in shares)} sent")

    def sent() -> int:
        return Notification.objects.filter(pk__in=batch_ids, status=Notification.Status.SENT).count()

    deadline = time.monotonic() + 300
    kills = []
    for share in shares:  # each kill lands at a random point of a task: several make the outcome reliable
        worker = _worker(env)
        while sent() < share * len(batch_ids) and time.monotonic() < deadline and worker.poll() is None:
            time.sleep(0.02)
        # Then the moment it has claimed a task (status RUNNING): the kill lands inside the sending.
        running = DBTaskResult.objects.filter(status="RUNNING")
        already = set(running.values_list("pk", flat=True))
        until = time.monotonic() + 5
        while not running.exclude(pk__in=already).exists() and time.monotonic() < until:
            pass
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()
        kills.append({"sent": sent(), "tasks_running": DBTaskResult.objects.filter(status="RUNNING").count()})
        print(f"killed the worker with {kills[-1]['sent']} sent", flush=True)
    print("starting the worker again…", flush=True)
    worker = _worker(env)
    last, still_since = -1, time.monotonic()
    while time.monotonic() < deadline:
        now_sent = sent()
        if now_sent != last:
            last, still_since = now_sent, time.monotonic()
        ready = DBTaskResult.objects.filter(status="READY").count()
        if now_sent == len(batch_ids) or (ready == 0 and time.monotonic() - still_since > 10):
            break
        time.sleep(0.2)
    os.killpg(worker.pid, signal.SIGTERM)
    worker.wait(timeout=30)

    emails = _emails(mail_dir)
    notifications = list(
        Notification.objects.filter(pk__in=batch_ids).values_list("recipient__email", "subject", "status")
    )
    expected = Counter((recipient, subject) for recipient, subject, _ in notifications)
    written = Counter(message[:2] for message in emails if message[:2] in expected)
    # A resend after a kill between the hand-over and the commit carries the first one's Message-ID.
    ids = Counter(message for message in emails if message[:2] in expected)
    recognisable = sum(count - 1 for count in ids.values() if count > 1)
    duplicates = sum((written - expected).values())
    never_sent = sum((expected - written).values())
    batch_emails = sum(written.values())
    statuses = Counter(status for _, _, status in notifications)
    outcome = {
        "batch": len(batch_ids),
        "kills": kills,
        "notifications_by_status": dict(statuses),
        "emails_written": batch_emails,
        "other_emails_written": len(emails) - batch_emails,
        "emails_sent_twice": duplicates,
        "sent_twice_with_the_same_message_id": recognisable,
        "messages_never_sent": never_sent,
        "tasks_left_running": DBTaskResult.objects.filter(status="RUNNING").count(),
        "tasks_left_ready": DBTaskResult.objects.filter(status="READY").count(),
    }
    outcome["passed"] = (
        statuses.get(Notification.Status.SENT, 0) == len(batch_ids)
        and batch_emails == len(batch_ids)
        and duplicates == 0
        and never_sent == 0
    )
    return outcome


def _worker(env) -> subprocess.Popen:
    """Started as production starts it (`run_task_worker`: the recovery, then `db_worker`). Only one
    worker runs at a time here, so whatever is still running when it starts was left by the killed one:
    the recovery's waits are 0 instead of the settings' minutes, which a production worker would wait."""
    command = ["run_task_worker", "--running-after", "0", "--queued-after", "0"]
    return subprocess.Popen(  # noqa: S603 - our own manage.py with fixed arguments
        [PYTHON, "manage.py", *command, "--queue-name", "*", "--interval", "0.1", "--no-startup-delay"],
        cwd=ROOT,
        env=env.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _emails(mail_dir: str) -> list[tuple[str, str, str]]:
    """(recipient, subject, Message-ID) of every complete message the file backend wrote."""
    found = []
    for path in sorted(Path(mail_dir).glob("*")):
        # Each complete message ends with the separator; anything after the last one was cut short.
        for chunk in path.read_bytes().split(SEPARATOR)[:-1]:
            message = email.message_from_bytes(chunk, policy=email.policy.default)
            found.append((str(message["To"]), " ".join(str(message["Subject"]).split()), str(message["Message-ID"])))
    return found


def _print(result: dict) -> None:
    restart = result["database_restart"]
    print(
        f"\nPostgreSQL restart (immediate) at {restart['restart_at_seconds']} s of load: pg_ctl took "
        f"{restart['pg_ctl_restart_seconds']} s; the site answered again {restart['site_answered_after_seconds']} s "
        f"after the restart began; {restart['errors_during_outage']} failed requests "
        f"({restart['service_unavailable_503']} × 503, {restart['server_errors_500']} × 500), the last "
        f"{restart['last_error_after_restart_seconds']} s after; {restart['verification']['acknowledged']} "
        f"registrations acknowledged, {restart['verification']['found']} in the database "
        f"→ {'PASS' if restart['passed'] else 'FAIL'}"
    )
    kill = result["worker_kill"]
    print(
        f"Worker killed (SIGKILL) {len(kill['kills'])} times, with "
        f"{', '.join(str(k['sent']) for k in kill['kills'])} of {kill['batch']} sent: afterwards "
        f"{kill['notifications_by_status']}, {kill['emails_written']} of its emails written (and "
        f"{kill['other_emails_written']} queued earlier, such as the load's confirmations), "
        f"{kill['emails_sent_twice']} sent twice ({kill['sent_twice_with_the_same_message_id']} of them with the "
        f"same Message-ID), {kill['messages_never_sent']} never sent, "
        f"{kill['tasks_left_running']} tasks left running "
        f"→ {'PASS' if kill['passed'] else 'FAIL'}"
    )


if __name__ == "__main__":
    sys.exit(main())
