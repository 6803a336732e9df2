# filmsite — `make run` serves the demo, `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Canonical links, feeds and the demo loader's last line follow the port
# served, unless SITE_URL is set in the environment.
SITE_URL ?= http://$(HOST):$(PORT)
# `make run` is a local demo: DEBUG on, so the demo staff accounts work.
RUN_ENV ?= DEBUG=1 SITE_URL=$(SITE_URL)

# The supported Pythons are stated once, as requires-python in pyproject.toml.
define PYTHON_CHECK
import re, sys
low = tuple(map(int, re.search(r'requires-python = ">=(\d+)\.(\d+)"', open("pyproject.toml").read()).groups()))
found = sys.version.split()[0]
sys.exit(0 if sys.version_info[:2] >= low else f"filmsite needs Python {low[0]}.{low[1]} or newer (pyproject.toml); found {found}")
endef
export PYTHON_CHECK

.PHONY: install run serve demo test test-postgres bench bench-import loadtest audit lint format referees fonts clean

$(BIN)/.installed: pyproject.toml
	@$(PYTHON) -c "$$PYTHON_CHECK"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(BIN)/.installed

demo: install
	$(RUN_ENV) $(BIN)/python manage.py migrate --no-input
	$(RUN_ENV) $(BIN)/python manage.py load_demo
	$(RUN_ENV) $(BIN)/python manage.py rebuild_search_index --no-progress
	$(RUN_ENV) $(BIN)/python manage.py collectstatic --no-input --verbosity 0

run: demo serve

serve: install
	@echo "filmsite is at http://$(HOST):$(PORT)/ (admin at /admin/); Ctrl-C stops it."
	$(RUN_ENV) $(BIN)/gunicorn --config gunicorn.conf.py --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-2}

test: install
	$(BIN)/pytest

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/filmsite} $(BIN)/pytest

bench: install
	$(BIN)/python -m benchmarks
	$(BIN)/python -m benchmarks.search

# Importing 10,000 generated Markdown files (IMPORT_COUNT); figures in docs/benchmarks.md.
IMPORT_COUNT ?= 10000
bench-import: install
	$(BIN)/python -m benchmarks.imports $(IMPORT_COUNT)

# Two instances under load while PostgreSQL, Redis, a worker and the media
# disk fail (its own servers on loopback, data under /tmp/filmsite-loadtest-*;
# a few minutes). Results in docs/loadtest.md. Not part of `make test`.
loadtest: install
	$(BIN)/python -m benchmarks.loadtest

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
	$(BIN)/lint-imports --no-logo

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Outside referees for the HTML: the Nu checker and axe-core (needs Node/npm,
# Java 17) and Debian's Chromium. Installs nothing into the repository's git.
referees:
	npm install --prefix .tools --no-save --no-package-lock --no-audit --no-fund vnu-jar axe-core

# The site's two typefaces, self-hosted: Fraunces (headings) and Inter (text),
# from the @fontsource npm packages. Copies only the woff2 files the CSS
# names (latin and latin-ext subsets) and each family's OFL licence into
# static/fonts/; those files are committed, so serving the site needs no npm.
FONTS_NPM ?= var/npm-fonts
FONTSOURCE_VERSION ?= 5.3.0
FRAUNCES_FILES := fraunces-latin-600-normal fraunces-latin-ext-600-normal
INTER_FILES := $(foreach subset,latin latin-ext,$(foreach style,400-normal 400-italic 600-normal,inter-$(subset)-$(style)))
fonts:
	npm install --prefix $(FONTS_NPM) --no-save --no-package-lock --no-audit --no-fund @fontsource/fraunces@$(FONTSOURCE_VERSION) @fontsource/inter@$(FONTSOURCE_VERSION)
	mkdir -p static/fonts
	for name in $(FRAUNCES_FILES); do cp $(FONTS_NPM)/node_modules/@fontsource/fraunces/files/$$name.woff2 static/fonts/; done
	for name in $(INTER_FILES); do cp $(FONTS_NPM)/node_modules/@fontsource/inter/files/$$name.woff2 static/fonts/; done
	cp $(FONTS_NPM)/node_modules/@fontsource/fraunces/LICENSE static/fonts/Fraunces-OFL.txt
	cp $(FONTS_NPM)/node_modules/@fontsource/inter/LICENSE static/fonts/Inter-OFL.txt

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
