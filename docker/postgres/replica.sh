#!/bin/bash
# The replica's start. On an empty volume: copy the primary with pg_basebackup -R (standby.signal and
# primary_conninfo written, so it starts as a hot standby streaming from the primary) through a replication
# slot of its own, which keeps the WAL it still needs while it is stopped. Then the image's own entrypoint.
set -euo pipefail

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA"
    chown -R postgres:postgres "$(dirname "$PGDATA")"
    chmod 700 "$PGDATA"
    until pg_isready -h "$PRIMARY_HOST" -q; do sleep 1; done
    export PGPASSWORD="$REPLICATION_PASSWORD"
    backup() {
        gosu postgres pg_basebackup -h "$PRIMARY_HOST" -U replicator -D "$PGDATA" -R -X stream -c fast "$@"
    }
    # The slot is created with the first copy; a copy made again (the volume was emptied) reuses it.
    if ! backup -C -S "$REPLICATION_SLOT"; then
        find "$PGDATA" -mindepth 1 -delete
        backup -S "$REPLICATION_SLOT"
    fi
    unset PGPASSWORD
fi
exec docker-entrypoint.sh "$@"
