# Two commands for a fresh machine (README): `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip --disable-pip-version-check --quiet
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev browser redis lint lock audit worker scheduler clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements/base.txt | $(BIN)/python
	$(PIP) install --require-hashes -r requirements/base.txt
	touch $@

$(VENV)/.installed-dev: requirements/dev.txt | $(BIN)/python
	$(PIP) install --require-hashes -r requirements/dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## Serve the platform on SQLite with the programme content and demo data loaded.
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py bootstrap
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## Run every test: unit, integration and browser (Chromium), on SQLite or on $$DATABASE_URL, with
## the cache in local memory or in the Redis at $$REDIS_URL.
test: install-dev browser redis
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

## Debian's Chromium for the browser tests (Playwright cannot download browsers here).
browser:
	@test -x /usr/bin/chromium || scripts/install-chromium

## Debian's redis-server: tests/test_shared_cache.py starts one (two app processes sharing it).
redis:
	@command -v redis-server >/dev/null || scripts/install-redis

## Process queued tasks (emails and reminders) as production does.
worker: install
	$(BIN)/python manage.py run_task_worker --queue-name "*"

## The background jobs on their schedule (sweeps, recovery, retention), as production does.
scheduler: install
	$(BIN)/python manage.py run_scheduler

## Check the lock files against the vulnerability databases (needs internet access).
audit: install-dev
	scripts/audit-dependencies

lint: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Re-resolve the lock files after editing requirements/*.in.
lock: install-dev
	$(PIP) install uv
	cd requirements && ../$(BIN)/uv pip compile --quiet --python-version 3.11 --generate-hashes base.in -o base.txt
	cd requirements && ../$(BIN)/uv pip compile --quiet --python-version 3.11 --generate-hashes --no-emit-package pip dev.in -o dev.txt

clean:
	rm -rf $(VENV) db.sqlite3 .test-media
