"""The app as production runs it: manage.py steps, and gunicorn on 127.0.0.1 with the bench settings."""

import http.client
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable


def app_env(database_url: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.bench",
        DATABASE_URL=database_url,
        DATABASE_CONN_MAX_AGE=env.get("DATABASE_CONN_MAX_AGE", "60"),
        BENCH_QUERY_HEADER="1",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def manage(env: dict, *args: str, quiet: bool = False) -> str:
    """Run a manage.py command; its output is shown unless `quiet`, and returned."""
    result = subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=False, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise RuntimeError(f"manage.py {' '.join(args)} failed ({result.returncode})")
    if not quiet:
        sys.stdout.write(result.stdout)
    return result.stdout


def prepare_database(env: dict, scale: float, summary_json: str) -> None:
    """Migrate, programme content (bootstrap --no-demo), then the national data."""
    for step in (["migrate", "--noinput", "-v", "0"], ["bootstrap", "--no-demo"]):
        started = time.perf_counter()
        manage(env, *step, quiet=True)
        print(f"  manage.py {step[0]:<40} {time.perf_counter() - started:6.1f} s", flush=True)
    manage(env, "generate_national_data", "--scale", str(scale), "--summary-json", summary_json)


def collect_static(env: dict) -> None:
    started = time.perf_counter()
    manage(env, "collectstatic", "--noinput", "-v", "0", quiet=True)
    print(f"  manage.py collectstatic{'':<29} {time.perf_counter() - started:6.1f} s", flush=True)


class Gunicorn:
    def __init__(self, env: dict, *, port: int, workers: int = 4, log_path: str | None = None):
        self.env, self.port, self.workers = env, port, workers
        self.log_path = log_path or f"/tmp/eskw-bench-gunicorn-{port}.log"  # noqa: S108
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> None:
        log = open(self.log_path, "w")  # noqa: SIM115 - kept open for the process's life
        self.process = subprocess.Popen(  # noqa: S603 - gunicorn from the venv, fixed arguments
            [
                PYTHON, "-m", "gunicorn", "config.wsgi:application",
                "--bind", f"127.0.0.1:{self.port}",
                "--workers", str(self.workers),
                "--timeout", "30",
                "--graceful-timeout", "5",
                "--keep-alive", "5",
                "--error-logfile", "-",
            ],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log_path}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                connection.request("GET", "/bench/floor/")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer within {timeout} s; see {self.log_path}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None
