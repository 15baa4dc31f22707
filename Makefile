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

.PHONY: run test lint format install messages db fixtures static browser pdf-tools check-fixtures stop-db clean

run: db fixtures static
	$(BIN)/gunicorn archive.wsgi --config gunicorn.conf.py --bind $(HOST):$(PORT)

test: lint db browser pdf-tools
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

stop-db: install
	$(BIN)/python manage.py embedded_db stop

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
