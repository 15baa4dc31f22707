#!/bin/sh
# A web service of docker-compose.yml: wait for PostgreSQL, then serve. Migrations, the fixtures and the
# search index are the `setup` service's (it has finished before this starts), so two web services never
# migrate at once; gunicorn's on_starting hook still checks the shared search index (gunicorn.conf.py).
set -eu

python manage.py wait_for_db --timeout "${DB_WAIT_SECONDS:-60}"
exec "$@"
