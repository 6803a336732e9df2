# filmsite — `make run` serves the demo, `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# `make run` is a local demo: DEBUG on, so the demo staff accounts work.
RUN_ENV ?= DEBUG=1

.PHONY: install run serve demo test test-postgres bench audit lint format referees clean

$(BIN)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "filmsite needs Python 3.12 or newer; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(BIN)/.installed

demo: install
	$(RUN_ENV) $(BIN)/python manage.py migrate --no-input
	$(RUN_ENV) $(BIN)/python manage.py load_demo
	$(RUN_ENV) $(BIN)/python manage.py collectstatic --no-input --verbosity 0

run: demo serve

serve: install
	@echo "filmsite is at http://$(HOST):$(PORT)/ (admin at /admin/); Ctrl-C stops it."
	$(RUN_ENV) $(BIN)/gunicorn filmsite.wsgi --bind $(HOST):$(PORT) --workers 2 --threads 4 --access-logfile -

test: install
	$(BIN)/pytest

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/filmsite} $(BIN)/pytest

bench: install
	$(BIN)/python -m benchmarks

# Lighthouse (npm; 12.x runs on Node 18+) against the system Chromium, on the
# demo article served by gunicorn; prints the four category scores. Not part
# of `make test`. Installs into .tools/audit/, never into the repository.
LIGHTHOUSE_VERSION ?= 12.8.2
audit: install
	@test -x .tools/audit/node_modules/.bin/lighthouse || npm install --prefix .tools/audit --no-save --no-package-lock --no-audit --no-fund lighthouse@$(LIGHTHOUSE_VERSION)
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python -m benchmarks.audit

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Outside referees for the HTML: the Nu checker and axe-core (needs Node/npm,
# Java 17) and Debian's Chromium. Installs nothing into the repository's git.
referees:
	npm install --prefix .tools --no-save --no-package-lock --no-audit --no-fund vnu-jar axe-core

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
