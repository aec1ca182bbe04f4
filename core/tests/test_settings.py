"""Production settings pass Django's deployment checks; every response carries the security headers."""

import os
import subprocess
import sys

from django.conf import settings


def production_env(tmp_path) -> dict:
    return {
        **{name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "k" * 30 + "-production-like-secret-0123456789",
        "DJANGO_ALLOWED_HOSTS": "training.example.org",
        "BASE_URL": "https://training.example.org",
        "DJANGO_DEFAULT_FROM_EMAIL": "Early Support training <training@example.org>",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }


def test_production_settings_pass_check_deploy_with_no_warnings(tmp_path):
    env = production_env(tmp_path)

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_production_refuses_to_start_with_a_localhost_sender_or_site_address(tmp_path):
    """Issue #22: emails From no-reply@localhost, links to 127.0.0.1."""
    env = production_env(tmp_path)
    del env["DJANGO_DEFAULT_FROM_EMAIL"]
    env["BASE_URL"] = "http://127.0.0.1:8000"

    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )

    assert result.returncode != 0
    assert "core.E001" in result.stderr and "core.E002" in result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SECRET_KEY"}
    env |= {"DJANGO_SETTINGS_MODULE": "config.settings.production", "DJANGO_ALLOWED_HOSTS": "x"}

    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_pages_send_security_headers(client):
    response = client.get("/")

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self';" in policy
    assert "frame-ancestors 'self'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_only_the_wagtail_admin_may_run_inline_scripts(client, make_user):
    from core.roles import Role

    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))

    assert "script-src 'self' 'unsafe-inline'" in client.get("/admin/")["Content-Security-Policy"]
    assert "unsafe-inline" not in client.get("/")["Content-Security-Policy"].split("style-src")[0]


def test_only_wagtail_previews_may_be_framed_by_the_site_itself(client, make_user):
    from core.roles import Role

    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))

    response = client.get("/admin/pages/2/edit/preview/")

    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_postgresql_connections_run_with_jit_off_and_the_cost_of_index_reads_for_ssd(db):
    """On PostgreSQL the app's connections turn the JIT off and cost an index read at 1.1
    (docs/performance.md, item 26); SQLite has neither."""
    from django.db import connection

    if connection.vendor != "postgresql":
        assert "options" not in settings.DATABASES["default"].get("OPTIONS", {})
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"


def test_postgresql_keeps_the_plans_of_queries_a_connection_runs_often(db):
    """On PostgreSQL a query run a fifth time on a connection becomes a prepared statement, so its
    plan is kept (docs/performance.md, item 16); SQLite has no such option."""
    from django.db import connection

    from core.models import Region

    if connection.vendor != "postgresql":
        assert "server_side_binding" not in settings.DATABASES["default"].get("OPTIONS", {})
        return
    for code in ("E1", "E2", "E3", "E4", "E5", "E6"):
        list(Region.objects.filter(code=code))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "core_region"' in statement for statement in prepared)
