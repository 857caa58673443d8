# The two commands of the README: `make run` and `make test`. Everything else is a step of theirs.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test system-packages install migrate demo lint lock messages check-messages bench bench-territory bench-search screenshots load backup restore clean validate

# Scheduled publication (operations/management/commands/run_scheduler.py) runs beside the
# server, from the same shell: stopping the server, or Ctrl-C, stops it too.
WITH_SCHEDULER = trap 'kill $$scheduler 2>/dev/null; wait $$scheduler' EXIT; \
	trap 'exit 130' INT TERM HUP; \
	$(1) $(PY) manage.py run_scheduler & scheduler=$$!;

run: migrate
	$(PY) manage.py load_demo --port $(PORT)
	$(PY) manage.py create_dev_admin
	$(call WITH_SCHEDULER) $(PY) manage.py runserver $(HOST):$(PORT)

# Production mode on this machine: gunicorn, hashed static files, security headers, DEBUG off.
# The secret key is generated once into var/secret_key. Plain HTTP on localhost only.
# Uploaded images are served by gunicorn here only (SERVE_MEDIA): a deployment's reverse
# proxy serves /media/ itself.
PRODUCTION_ENV = DJANGO_ENV=production SECURE_SSL_REDIRECT=false SECRET_KEY="$$(cat var/secret_key)"
serve: migrate var/secret_key
	$(PY) manage.py load_demo --port $(PORT)
	$(PRODUCTION_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(call WITH_SCHEDULER,$(PRODUCTION_ENV)) \
	$(PRODUCTION_ENV) SERVE_MEDIA=true $(VENV)/bin/gunicorn site_config.wsgi --workers 2 --bind $(HOST):$(PORT) --access-logfile -

var/secret_key:
	@mkdir -p var
	@$(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	@chmod 600 $@

test: install system-packages check-messages
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m pytest

# What the suite needs from Debian besides Python: GNU gettext (the catalogue check),
# Chromium (the browser tests), PostgreSQL's server and Redis (the load and fault tests in
# tests/live/ start their own). Installed through apt when missing, as root; otherwise named.
CHROMIUM ?= /usr/bin/chromium
system-packages:
	@missing=""; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	test -x $(CHROMIUM) || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing$$missing from Debian's packages…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "make test needs Debian's$$missing: sudo apt-get install$$missing"; exit 2; \
	  fi; \
	fi

install: $(VENV)/.installed

# Rebuilt only when the lock or the project's metadata change.
$(VENV)/.installed: requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required (found %s): set PYTHON=/path/to/python3.11" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo --port $(PORT)

# The layers' import contracts are in pyproject.toml (docs/architecture.md explains them).
lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

lock:
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --quiet --extra test --allow-unsafe --strip-extras --no-header --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

# Needs GNU gettext (Debian package gettext). Compiled catalogues are committed. Every
# language with a folder in locale/ is updated: a new language starts with
# `manage.py makemessages -l <code>` once.
messages: install
	$(PY) manage.py makemessages --all --ignore=.venv --ignore=var --no-obsolete
	$(PY) manage.py fill_source_catalogue
	@# Once more, for gettext's own line wrapping of what was filled.
	$(PY) manage.py makemessages --locale=en --ignore=.venv --ignore=var --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv --ignore=var

# Fails when `make messages` would change the catalogues or a message is untranslated or fuzzy.
check-messages: install
	$(PY) manage.py check_messages

# The benchmarks of bench/RESULTS.md, on throwaway databases (SQLite, or DATABASE_URL's server):
# every public page type at two sizes with its warm and cold queries, the static file, cached
# and rendered pages under gunicorn with make serve's settings (with DATABASE_URL: the
# deployment's, PostgreSQL and Redis), the admin, create_territory (bench/network.py); the open
# data's pages and the CSV export's memory (bench/opendata.py); the search (bench/search.py).
# Each prints its targets with the measured value, and the last step all of them in one
# table (bench/targets.py, from var/bench/targets-*.json). Sizes: see each script. The
# throughput runs need wrk, installed from Debian when root, otherwise named.
bench: install
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing wrk from Debian's packages…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else \
	    echo "make bench needs Debian's wrk: sudo apt-get install wrk"; exit 2; \
	  fi; \
	}
	$(PY) bench/network.py
	$(PY) bench/opendata.py
	$(PY) bench/search.py
	$(PY) bench/targets.py

# create_territory's time on a throwaway database (SQLite, or DATABASE_URL's server).
bench-territory: install
	$(PY) bench/create_territory.py

# Search time on 10,000 pages across 20 territories, on a throwaway database (SQLite, or
# DATABASE_URL's server).
bench-search: install
	$(PY) bench/search.py

# The outside validators on every page type of the hub and of the Var, French and English, as
# `make serve` serves them: Lighthouse 12.2.3 (Debian's Chromium, mobile and desktop, median
# of 3 runs), the Nu HTML checker and feedparser. Prints the figures and writes
# bench/VALIDATORS.md. Lighthouse and vnu-jar are pinned in validators/ (the machine's npm;
# Node.js 18.16+ and Java 17+).
validate: install validators/node_modules/.installed
	@test -x $(CHROMIUM) || { echo "make validate needs Debian's chromium"; exit 2; }
	CHROME_PATH=$(CHROMIUM) $(PY) bench/validators.py

validators/node_modules/.installed: validators/package-lock.json
	cd validators && npm ci --no-fund --no-audit
	touch $@

# The pictures of the README: each page type of the hub and of the Var, from the browser tests.
screenshots: install system-packages
	SCREENSHOTS_DIR=docs/screenshots $(PY) -m pytest -q tests/browser/test_public_pages.py -k test_every_page_type

# 50 visitors for 60 s on gunicorn (production mode) with a throwaway PostgreSQL cluster and
# Redis, then the figures (USERS=… DURATION=… to change them). See the README.
load: install system-packages
	$(PY) -m tests.live.load

# A folder under var/backups/ with the database and the uploaded files (see the README).
backup: install
	$(PY) manage.py backup $(BACKUP)

# Into an empty database and empty media folders: make restore BACKUP=var/backups/<folder>
restore: install
	@test -n "$(BACKUP)" || (echo "Say which backup: make restore BACKUP=var/backups/<folder>" && exit 2)
	$(PY) manage.py restore $(BACKUP)

clean:
	rm -rf $(VENV) var
