# The two commands of the README: `make run` and `make test`.
# Both set everything up from a clean clone: virtualenv, packages, database,
# migrations, fixtures. Nothing needs installing by hand but Python 3.13.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.13 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run dev test lint format install messages db fixtures static browser pdf-tools servers compose-tools loadtest check-fixtures stop-db clean

# `make run` serves as production does (DEBUG off: plain error pages, hashed static files), with a
# secret generated once into var/secret-key (git-ignored); over plain http on this machine, so cookies
# are not https-only and no HSTS is sent. `make dev` serves the same with DEBUG on.
SECRET_FILE := var/secret-key
LOCAL_HTTP := DJANGO_SECURE_COOKIES=0 DJANGO_HSTS_SECONDS=0 DJANGO_SSL_REDIRECT=0

run: db fixtures static $(SECRET_FILE)
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$$(cat $(SECRET_FILE))" $(LOCAL_HTTP) \
	  $(BIN)/gunicorn archive.wsgi --config gunicorn.conf.py --bind $(HOST):$(PORT)

dev: db fixtures static
	DJANGO_DEBUG=1 $(BIN)/gunicorn archive.wsgi --config gunicorn.conf.py --bind $(HOST):$(PORT)

$(SECRET_FILE): | $(BIN)/python
	@mkdir -p var
	@umask 077 && $(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))' > $(SECRET_FILE)

test: lint db browser pdf-tools servers compose-tools
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Ruff, configured in pyproject.toml: the linter, and the formatter in check mode (`make format` applies it).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 13) else "Python 3.13 or newer is needed (found " + sys.version.split()[0] + "); set PYTHON=/path/to/python3.13")'
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

install: $(INSTALLED) messages

# The interface's translations (locale/*/LC_MESSAGES/django.po) compiled to the .mo files Django reads, by
# Babel (a Python package: nothing from Debian is needed). Never committed: built here.
MESSAGE_CATALOGS := $(wildcard locale/*/LC_MESSAGES/django.po)
messages: $(MESSAGE_CATALOGS:.po=.mo)

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po | $(INSTALLED)
	$(BIN)/pybabel --quiet compile --use-fuzzy -i $< -o $@

# Starts the embedded PostgreSQL when DATABASE_URL is not set, then migrates.
db: install
	$(BIN)/python manage.py migrate --noinput

fixtures: db
	$(BIN)/python manage.py ingest fixtures/resolutions.json

static: install
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

check-fixtures: install
	$(BIN)/python manage.py build_fixtures --check

# Browser tests drive Debian's Chromium; install it when missing and we may.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "warning: could not install chromium; browser tests will be skipped"; \
	  else echo "note: /usr/bin/chromium missing (apt-get install chromium); browser tests will be skipped"; fi; \
	fi

# Reading official PDFs of every era: poppler's pdftotext (its layouts are tested) and Tesseract
# with the six UN languages for scanned PDFs (`ingest --format pdf-ocr`), and the font the OCR test draws
# its scan with; from Debian's packages, when missing and we may.
PDF_TOOLS_PACKAGES := poppler-utils tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-spa \
	tesseract-ocr-rus tesseract-ocr-ara tesseract-ocr-chi-sim fonts-dejavu-core
pdf-tools:
	@if [ ! -x /usr/bin/pdftotext ] || [ ! -x /usr/bin/tesseract ] || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PDF_TOOLS_PACKAGES) >/dev/null) \
	      || echo "warning: could not install $(PDF_TOOLS_PACKAGES); pdftotext and OCR tests will be skipped"; \
	  else echo "note: pdftotext or tesseract missing (apt-get install $(PDF_TOOLS_PACKAGES)); their tests will be skipped"; fi; \
	fi

# Several web machines: the tests start a real Redis (the shared cache) and the load test puts nginx in front
# of two gunicorns, as docker-compose.yml does; from Debian's packages, when missing and we may. (Debian's
# policy keeps the packages' own services from starting: the tests start their own, on loopback.)
SERVER_PACKAGES := redis-server nginx
servers:
	@if [ ! -x /usr/bin/redis-server ] || [ ! -x /usr/sbin/nginx ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SERVER_PACKAGES) >/dev/null) \
	      || echo "warning: could not install $(SERVER_PACKAGES); the Redis tests and the load test will be skipped"; \
	  else echo "note: redis-server or nginx missing (apt-get install $(SERVER_PACKAGES)); their tests will be skipped"; fi; \
	fi

# `docker-compose config` checks docker-compose.yml as Compose reads it (interpolation, anchors, the services and
# volumes each service names) without a Docker engine: Debian's docker-compose, when missing and we may.
compose-tools:
	@if [ ! -x /usr/bin/docker-compose ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null) \
	      || echo "warning: could not install docker-compose; the compose file's config test will be skipped"; \
	  else echo "note: docker-compose missing (apt-get install docker-compose); the compose file's config test will be skipped"; fi; \
	fi

# Two gunicorns behind nginx over a primary, a streaming replica and Redis, all on loopback: 64 clients for
# 2 minutes with a HUP, a replica stop and 50 slow clients (benchmarks/loadtest.py; it loads the machine: run
# it alone).
loadtest: static servers
	$(BIN)/python benchmarks/loadtest.py --scenario --clients 64 --duration 120

stop-db: install
	$(BIN)/python manage.py embedded_db stop

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
