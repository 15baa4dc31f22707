#!/bin/sh
# Wait for PostgreSQL, apply migrations, load the fixtures (a no-op when
# already loaded), bring this machine's search index in step with the
# database (rebuilt when missing or stale), then hand over to the command (gunicorn).
set -eu

python manage.py wait_for_db --timeout "${DB_WAIT_SECONDS:-60}"
python manage.py migrate --noinput
python manage.py ingest --quiet-warnings fixtures/resolutions.json
python manage.py search_index ensure
exec "$@"
