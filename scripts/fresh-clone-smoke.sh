#!/usr/bin/env bash
# The fresh-clone smoke test (part of scripts/test.sh): what a new user does first, checked.
# Clones this repository (its committed HEAD) into a temporary folder and runs there the README's
# run command, read from README.md's "Set up and run" section so the two cannot drift: packages,
# the build of jcompose, the registry and its images, `jcompose up -d --wait` of examples/web-db.
# Then the page must answer on its published port with the app's content, and `down -v` plus
# `engine stop` must leave nothing of the stack behind (scripts/leakcheck, no volume left).
# The stack gets state roots, a jcompose configuration file and a published port of its own, so
# nothing of the machine's is read or changed. The images come from JCOMPOSE_CACHE_DIR and
# JCOMPOSE_TEST_REGISTRY like every script's (scripts/test.sh empties both under CI=true).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
me="$(basename "$0")"
die() { echo "$me: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "needs root (the README's run command does)"

cmd="$(sed -n '/^## Set up and run/,/^## /p' "$here/README.md" | awk '/^```/ { if (seen++) exit; next } seen' | head -n1 | sed 's/[[:space:]]*#.*//')"
[ -n "$cmd" ] || die "no run command in README.md's 'Set up and run' section"

tmp="$(mktemp -d /tmp/jcompose-test-fresh.XXXXXX)" # jcompose-test*: leakcheck sees what stays mounted here
clone="$tmp/jcompose"
export JCOMPOSE_DATA_ROOT="$tmp/data" JCOMPOSE_RUN_ROOT="$tmp/run" JCOMPOSE_CONFIG="$tmp/config.json"
WEB_PORT="$("$here/scripts/lib/free-port.sh")"
export WEB_PORT # the shell's environment wins over examples/web-db/.env, as with docker compose

stack() { (cd "$clone/examples/web-db" && ../../jcompose "$@"); }
finish() {
  local rc=$?
  if [ -x "$clone/jcompose" ] && [ -f "$clone/compose-cli/target/jcompose.jar" ]; then
    [ "$rc" = 0 ] || { stack down -v -t 1 >/dev/null 2>&1 || true; }
    stack engine stop >/dev/null 2>&1 || true
  fi
  # never rm -rf through a mount that is still there: it could reach outside the folder
  if [ -z "$(findmnt -rn -o TARGET | grep -F "$tmp/" || true)" ]; then
    rm -rf "$tmp"
  else
    echo "$me: $tmp is still mounted on; left in place" >&2
  fi
  exit "$rc"
}
trap finish EXIT

git clone -q "$here" "$clone"
echo "$me: in a fresh clone ($clone, $(git -C "$clone" rev-parse --short HEAD)): $cmd"
t0=$SECONDS
(cd "$clone" && bash -c "$cmd") 2>&1 | tee "$tmp/run.log"
took=$((SECONDS - t0))
grep -qF "web-db is up: open http://localhost:$WEB_PORT/" "$tmp/run.log" || die "the run command did not say the stack is up"

page="$(curl -fsS --max-time 10 "http://127.0.0.1:$WEB_PORT/")" || die "nothing answers on port $WEB_PORT"
grep -q "Hello from jcompose" <<< "$page" || die "port $WEB_PORT answers, but not with the web-db page: $(head -c 300 <<< "$page")"
echo "$me: the page answers on port $WEB_PORT; the README's run command took $took s"

stack down -v
stack engine stop
# what is left of this stack: its roots, its names (web-db-*, web-db_default), and monitors that
# exited but were not reaped (a zombie keeps only its name); test.sh checks the whole host at the end
left="$("$clone/scripts/leakcheck" "$JCOMPOSE_DATA_ROOT" "$JCOMPOSE_RUN_ROOT" | grep -F -e "$tmp" -e web-db -e '(no command line)' || true)"
[ -z "$left" ] || die "down -v and engine stop left: $left"
left="$(find "$JCOMPOSE_DATA_ROOT/volumes" -mindepth 1 -maxdepth 1 ! -name .lock 2>/dev/null || true)"
[ -z "$left" ] || die "down -v left volumes: $left"
echo "$me: passed (down -v left nothing)"
