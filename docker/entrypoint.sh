#!/bin/sh
# Wait for PostgreSQL, apply migrations, load the fixtures (a no-op when
# already loaded), then hand over to the command (gunicorn).
set -eu

python manage.py wait_for_db --timeout "${DB_WAIT_SECONDS:-60}"
python manage.py migrate --noinput
python manage.py ingest --quiet-warnings fixtures/resolutions.json
exec "$@"
