#!/usr/bin/env bash
# Installs (if needed) and starts a PostgreSQL server on 127.0.0.1:5432 from Debian's packages, with a
# role that the tests use to create one database per test: rollup / rollup, allowed to create databases.
# Idempotent; no systemd, no Docker. Prints how long it took.
set -euo pipefail
started=$(date +%s%N)
export DEBIAN_FRONTEND=noninteractive
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
PGVER=$(ls /usr/lib/postgresql | sort -V | tail -1)
pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$PGVER/main" || pg_createcluster "$PGVER" main >/dev/null
pg_ctlcluster "$PGVER" main status >/dev/null 2>&1 || pg_ctlcluster "$PGVER" main start
psql_pg() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtAc "$1"; }
for i in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
[ "$(psql_pg "SELECT 1 FROM pg_roles WHERE rolname='rollup'")" = 1 ] \
  || psql_pg "CREATE ROLE rollup LOGIN CREATEDB PASSWORD 'rollup'"
[ "$(psql_pg "SELECT 1 FROM pg_database WHERE datname='rollup'")" = 1 ] \
  || runuser -u postgres -- createdb -O rollup -E UTF8 -T template0 rollup
pg_isready -h 127.0.0.1 -p 5432
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "PostgreSQL $PGVER ready in ${elapsed_ms} ms"
