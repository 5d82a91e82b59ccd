#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL 15 cluster in a temp dir on a spare port.
#   eval "$(bash scripts/pg-throwaway.sh start)"   # exports DATABASE_URL_PG (owner role), DATABASE_URL_PG_APP (app role), PG_THROWAWAY_DIR
#   bash scripts/pg-throwaway.sh stop "$PG_THROWAWAY_DIR"
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install -y postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

case "${1:-}" in
  start)
    PORT=${PG_PORT:-$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')}
    DIR=$(mktemp -d /tmp/cm-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    as_pg "'$PGBIN/initdb' -D '$DIR/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >'$DIR/initdb.log' 2>&1"
    echo "$PORT" >"$DIR/port"
    as_pg "'$PGBIN/pg_ctl' -D '$DIR/data' -l '$DIR/server.log' -w -o \"-p $PORT -k '$DIR' -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off\" start >/dev/null"
    # Least privilege as in production (docs/deploy/postgresql-roles.sql): the tests create and
    # migrate databases as the owner role cm_owner, and the app's data tests connect as cm_app.
    as_pg "'$PGBIN/psql' -q -h 127.0.0.1 -p $PORT -U postgres -d postgres -v ON_ERROR_STOP=1 \
      -c 'CREATE ROLE cm_owner LOGIN CREATEDB NOSUPERUSER NOCREATEROLE' \
      -c 'CREATE ROLE cm_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE' \
      -c 'GRANT pg_signal_backend TO cm_owner' \
      -c 'CREATE DATABASE council_marketplace OWNER cm_owner' >/dev/null"
    echo "export PG_THROWAWAY_DIR='$DIR'"
    echo "export DATABASE_URL_PG='postgresql://cm_owner@127.0.0.1:$PORT/council_marketplace'"
    echo "export DATABASE_URL_PG_APP='postgresql://cm_app@127.0.0.1:$PORT/council_marketplace'"
    ;;
  server-stop)  # the server only, data kept (fault tests: PostgreSQL stopped, then started again)
    DIR=${2:?usage: server-stop DIR}
    as_pg "'$PGBIN/pg_ctl' -D '$DIR/data' -m fast -w stop >/dev/null"
    ;;
  server-start)
    DIR=${2:?usage: server-start DIR}
    PORT=$(cat "$DIR/port")
    as_pg "'$PGBIN/pg_ctl' -D '$DIR/data' -l '$DIR/server.log' -w -o \"-p $PORT -k '$DIR' -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off\" start >/dev/null"
    ;;
  stop)
    DIR=${2:?usage: stop DIR}
    as_pg "'$PGBIN/pg_ctl' -D '$DIR/data' -m immediate stop >/dev/null" || true
    rm -rf "$DIR"
    ;;
  *) echo "usage: $0 start | stop DIR | server-stop DIR | server-start DIR" >&2; exit 2 ;;
esac
