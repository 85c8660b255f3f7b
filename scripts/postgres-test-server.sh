#!/usr/bin/env bash
# A private PostgreSQL + PostGIS cluster for the tests: its own data folder under /tmp, its own free port, loopback
# only, password authentication, so that it never touches (or clashes with) a system cluster.
#
#   eval "$(bash scripts/postgres-test-server.sh start)"   # exports LEEFKRACHT_TEST_PG and LEEFKRACHT_TEST_PG_DIR
#   bash scripts/postgres-test-server.sh stop "$LEEFKRACHT_TEST_PG_DIR"
#
# Needs the Debian packages postgresql-15 and postgresql-15-postgis-3 (`.ci/run` installs them). Messages go to
# stderr; stdout carries only the export lines. Exit code 0 when the server runs and has PostGIS.
set -euo pipefail

bindir=${PG_BINDIR:-/usr/lib/postgresql/15/bin}
command=${1:-}

# PostgreSQL refuses to run as root; as root the cluster belongs to the 'postgres' user the package creates.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "$command" in
  start)
    if [ ! -x "$bindir/initdb" ]; then
      echo "PostgreSQL 15 not found in $bindir: apt-get install -y postgresql-15 postgresql-15-postgis-3" >&2
      exit 1
    fi
    if [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
      echo "PostGIS not installed: apt-get install -y postgresql-15-postgis-3" >&2
      exit 1
    fi
    dir=$(mktemp -d /tmp/leefkracht-pg.XXXXXX)
    chmod 755 "$dir"
    password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
    printf '%s\n' "$password" >"$dir/pwfile"
    if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$dir"; fi
    as_owner "$bindir/initdb" -D "$dir/data" -U leefkracht --pwfile="$dir/pwfile" --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    rm -f "$dir/pwfile"
    port=55432
    while port_in_use "$port"; do port=$((port + 1)); done
    # Small and fast for tests: no durability needed (fsync off), enough connections for parallel test classes.
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB" \
      start >&2 || { cat "$dir/server.log" >&2; exit 1; }
    as_owner psql -h "$dir" -p "$port" -U leefkracht -d postgres -v ON_ERROR_STOP=1 -q -c "CREATE DATABASE leefkracht_test" >&2
    as_owner psql -h "$dir" -p "$port" -U leefkracht -d leefkracht_test -v ON_ERROR_STOP=1 -q -c "CREATE EXTENSION postgis" >&2
    echo "PostgreSQL $(as_owner "$bindir/postgres" --version | awk '{print $3}') with PostGIS on 127.0.0.1:$port (data in $dir)" >&2
    echo "export LEEFKRACHT_TEST_PG='Host=127.0.0.1;Port=$port;Database=leefkracht_test;Username=leefkracht;Password=$password'"
    echo "export LEEFKRACHT_TEST_PG_DIR='$dir'"
    ;;
  stop)
    dir=${2:?usage: postgres-test-server.sh stop DIR}
    case "$dir" in /tmp/leefkracht-pg.*) ;; *) echo "refusing to stop a cluster outside /tmp/leefkracht-pg.*: $dir" >&2; exit 1 ;; esac
    if [ -d "$dir/data" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: postgres-test-server.sh start | stop DIR" >&2
    exit 2
    ;;
esac
