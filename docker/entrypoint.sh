#!/bin/sh
# Wait for PostgreSQL, apply migrations, load the fixtures (a no-op when
# already loaded), then hand over to the command (gunicorn, whose on_starting
# hook in gunicorn.conf.py brings this machine's search index in step).
set -eu

python manage.py wait_for_db --timeout "${DB_WAIT_SECONDS:-60}"
python manage.py migrate --noinput
python manage.py ingest --quiet-warnings fixtures/resolutions.json
exec "$@"
