#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the team-index tests (CI and local use).
#
#   eval "$(scripts/pg-throwaway.sh start)"   # prints export lines: DOSSIER_TEST_DATABASE_URL, PG_THROWAWAY_DIR
#   scripts/pg-throwaway.sh stop "$PG_THROWAWAY_DIR"
#
# The cluster lives in a fresh temp folder, listens on a Unix socket in that folder and on
# 127.0.0.1 at a free port, trusts local connections (nothing else can reach it) and is removed
# whole by `stop`. As root (CI) the server runs as the `postgres` user: it refuses to run as root.
set -euo pipefail

pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  if command -v pg_ctl >/dev/null; then dirname "$(command -v pg_ctl)"; return; fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$newest" ] || { echo "pg-throwaway: no PostgreSQL server binaries (install Debian's postgresql)" >&2; exit 1; }
  echo "$newest"
}

# Runs a command as the server's user: postgres when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

start() {
  local bin dir port
  bin=$(pg_bin)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/dossier-pg.XXXXXX")
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  port=$(free_port)
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "export PG_THROWAWAY_DIR=$dir"
  echo "export DOSSIER_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:$port/postgres"
}

stop() {
  local dir=${1:-${PG_THROWAWAY_DIR:-}}
  [ -n "$dir" ] && [ -d "$dir" ] || { echo "pg-throwaway: usage: $0 stop DIR" >&2; exit 2; }
  [ -f "$dir/data/PG_VERSION" ] || { echo "pg-throwaway: $dir is not a throwaway cluster" >&2; exit 2; }
  as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
