#!/usr/bin/env bash
# Runs Debian's docker-registry on 127.0.0.1 for tests and benchmarks, with its storage in a
# cache directory so pushed test images survive between runs.
#   registry.sh start    start (no-op if already answering); waits at most 15 s for /v2/
#   registry.sh stop     stop the instance this script started (by its PID file)
#   registry.sh status   exit 0 if it answers
#   registry.sh url      print the base URL
# Env: JCOMPOSE_TEST_REGISTRY (host:port to listen on, 127.0.0.1:5000; the same setting tells the
# image builders and the tests where it is), JCOMPOSE_CACHE_DIR (/var/cache/jcompose-test).
set -euo pipefail

addr="${JCOMPOSE_TEST_REGISTRY:-127.0.0.1:5000}"
cache="${JCOMPOSE_CACHE_DIR:-/var/cache/jcompose-test}/registry"
pidfile="$cache/registry.pid"
url="http://$addr"

answers() {
  curl -fsS --max-time 2 -o /dev/null "$url/v2/" 2>/dev/null
}

running_pid() {
  [ -f "$pidfile" ] || return 1
  local pid
  pid="$(cat "$pidfile")"
  # only trust the PID if it is still our registry process
  [ -n "$pid" ] && [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = "docker-registry" ] && echo "$pid"
}

write_config() {
  mkdir -p "$cache/data"
  cat > "$cache/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $cache/data
  delete:
    enabled: true
http:
  addr: $addr
YAML
}

start() {
  if answers; then
    running_pid >/dev/null || echo "registry.sh: something else already answers on $url; using it" >&2
    return 0
  fi
  command -v docker-registry >/dev/null || { echo "registry.sh: docker-registry is not installed (apt-get install docker-registry)" >&2; exit 1; }
  write_config
  setsid docker-registry serve "$cache/config.yml" >"$cache/registry.log" 2>&1 < /dev/null &
  echo $! > "$pidfile"
  for _ in $(seq 1 75); do
    answers && { echo "registry.sh: registry up at $url (pid $(cat "$pidfile"))"; return 0; }
    kill -0 "$(cat "$pidfile")" 2>/dev/null || break
    sleep 0.2
  done
  echo "registry.sh: registry did not answer on $url; log:" >&2
  tail -n 20 "$cache/registry.log" >&2 || true
  stop
  exit 1
}

stop() {
  local pid
  if pid="$(running_pid)"; then
    kill "$pid"
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) answers ;;
  url) echo "$url" ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
