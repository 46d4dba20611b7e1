#!/bin/bash
# Entrypoint of jcompose's offline stand-in for the postgres image. It honours the environment
# the official image documents, so compose files written for that image work unchanged:
#   POSTGRES_PASSWORD (required unless POSTGRES_HOST_AUTH_METHOD=trust), POSTGRES_USER (postgres),
#   POSTGRES_DB (= user), PGDATA, POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD (scram-sha-256),
#   and runs /docker-entrypoint-initdb.d/*.sh|*.sql|*.sql.gz once, when the data directory is new.
# No "set -u": init scripts are sourced into this shell, and the official image lets them use
# variables that may be unset.
set -Eeo pipefail

# "docker run postgres -c shared_buffers=256MB" means options for the server
case "${1:-}" in
  -*) set -- postgres "$@" ;;
esac

if [ "${1:-}" != postgres ]; then
  exec "$@"
fi

: "${PGDATA:=/var/lib/postgresql/data}"
export PGDATA

# As root: give the (possibly fresh, possibly bind-mounted) data directory to postgres, then
# come back as postgres. The server refuses to run as root anyway.
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  find "$PGDATA" \! -user postgres -exec chown postgres:postgres '{}' +
  chmod 700 "$PGDATA"
  chown postgres:postgres /var/run/postgresql
  chmod 3777 /var/run/postgresql
  exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
fi

first_start() {
  # Init scripts see the effective names, defaults included, as with the official image.
  export POSTGRES_USER="${POSTGRES_USER:-postgres}"
  export POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"
  local user="$POSTGRES_USER" db="$POSTGRES_DB"
  local method="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$method" != trust ]; then
    cat >&2 <<'MSG'
Error: the database is not initialised and no superuser password is set.
       Set POSTGRES_PASSWORD to a non-empty value (or, to allow every connection without a
       password — never in production — POSTGRES_HOST_AUTH_METHOD=trust).
MSG
    exit 1
  fi

  # The password reaches initdb in a file only this user can read, never on a command line.
  local pwfile=() tmp=""
  if [ -n "${POSTGRES_PASSWORD:-}" ]; then
    tmp="$(mktemp)"
    printf '%s' "$POSTGRES_PASSWORD" > "$tmp"
    pwfile=(--pwfile="$tmp")
  fi
  # POSTGRES_INITDB_ARGS is a list of options: split on purpose
  # shellcheck disable=SC2086
  initdb --username="$user" "${pwfile[@]}" -D "$PGDATA" ${POSTGRES_INITDB_ARGS:-}
  [ -z "$tmp" ] || rm -f "$tmp"

  printf "\nlisten_addresses = '*'\n" >> "$PGDATA/postgresql.conf"
  printf 'host all all all %s\n' "$method" >> "$PGDATA/pg_hba.conf"

  # A private server (unix socket only) to create the database and run the init scripts.
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  local psql=(psql -v ON_ERROR_STOP=1 --username "$user" --no-password --no-psqlrc)
  if [ "$db" != postgres ]; then
    "${psql[@]}" --dbname postgres --set db="$db" <<<'CREATE DATABASE :"db";'
  fi
  # psql in an init script connects as the superuser (unless the caller chose a PGUSER)
  local own_pguser=""
  if [ -z "${PGUSER:-}" ]; then
    export PGUSER="$user"
    own_pguser=1
  fi
  local f
  for f in /docker-entrypoint-initdb.d/*; do
    # executable *.sh scripts run, others are sourced (they see this script's variables)
    # shellcheck disable=SC1090
    case "$f" in
      *.sh) echo "running $f"; if [ -x "$f" ]; then "$f"; else . "$f"; fi ;;
      *.sql) echo "running $f"; "${psql[@]}" --dbname "$db" -f "$f" ;;
      *.sql.gz) echo "running $f"; gunzip -c "$f" | "${psql[@]}" --dbname "$db" ;;
      *) [ -e "$f" ] && echo "ignoring $f" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
  [ -z "$own_pguser" ] || unset PGUSER
  echo "PostgreSQL init process complete; ready for start up."
}

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  first_start
fi
exec "$@"
