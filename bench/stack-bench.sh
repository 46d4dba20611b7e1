#!/usr/bin/env bash
# Stack figures through the CLI, as a user sees them: `up -d` and `down` of N trivial services,
# engine and shim memory while they run, and `run --rm` latency. Prints medians of RUNS runs.
# Needs root, the built jar (./jcompose builds it) and the local registry with test images
# (scripts/registry.sh start && scripts/build-test-images.sh).
# docker compose / podman-compose are measured on the same file when installed.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=lib/stack.sh
. "$here/bench/lib/stack.sh"
N=${N:-20}
RUNS=${RUNS:-5}
work=$(mktemp -d /tmp/jcompose-test-bench.XXXXXX)
export JCOMPOSE_DATA_ROOT=$work/data JCOMPOSE_RUN_ROOT=$work/run
export JCOMPOSE_REGISTRY_MIRRORS=${JCOMPOSE_REGISTRY_MIRRORS:-http://${JCOMPOSE_TEST_REGISTRY:-127.0.0.1:5000}}
jc() { "$here/jcompose" "$@"; }
cleanup() { (cd "$work/stack" && jc down -t 0 >/dev/null 2>&1; jc engine stop >/dev/null 2>&1) || true; rm -rf "$work"; }
trap cleanup EXIT

mkdir -p "$work/stack"
bench_stack_yaml "$N" > "$work/stack/compose.yaml"
cd "$work/stack"

ms() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

jc pull -q >/dev/null
jc ps >/dev/null # engine warm
ups=(); downs=(); runs=()
for r in $(seq 1 "$RUNS"); do
  t0=$(ms); jc up -d >/dev/null 2>&1; t1=$(ms)
  ups+=($(( (t1 - t0) / 1000000 )))
  if [ "$r" = 1 ]; then
    epid=$(cat "$JCOMPOSE_RUN_ROOT/engine.pid")
    engine_kb=$(awk '/VmRSS/ {print $2}' "/proc/$epid/status")
    shim_kb=0; shims=0
    for p in $(pgrep -x jcshim); do shim_kb=$((shim_kb + $(awk '/VmRSS/ {print $2}' "/proc/$p/status"))); shims=$((shims+1)); done
  fi
  t0=$(ms); jc run --rm s1 true >/dev/null 2>&1; t1=$(ms)
  runs+=($(( (t1 - t0) / 1000000 )))
  t0=$(ms); jc down -t 1 >/dev/null 2>&1; t1=$(ms)
  downs+=($(( (t1 - t0) / 1000000 )))
done
echo "jcompose, $N services, $RUNS runs (medians):"
echo "  up -d           $(printf '%s\n' "${ups[@]}" | median) ms"
echo "  down            $(printf '%s\n' "${downs[@]}" | median) ms"
echo "  run --rm true   $(printf '%s\n' "${runs[@]}" | median) ms   (CLI JVM start included)"
echo "  engine RSS      $((engine_kb / 1024)) MiB with $N containers"
echo "  jcshim RSS      $((shim_kb / (shims > 0 ? shims : 1))) KiB per container ($shims shims)"
if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  t0=$(ms); docker compose up -d >/dev/null 2>&1; t1=$(ms); docker compose down -t 1 >/dev/null 2>&1; t2=$(ms)
  echo "docker compose: up -d $(( (t1 - t0) / 1000000 )) ms, down $(( (t2 - t1) / 1000000 )) ms"
else
  echo "docker compose: no docker engine on this machine, not measured"
fi
if command -v podman-compose >/dev/null 2>&1; then
  t0=$(ms); podman-compose up -d >/dev/null 2>&1; t1=$(ms); podman-compose down >/dev/null 2>&1; t2=$(ms)
  echo "podman-compose: up -d $(( (t1 - t0) / 1000000 )) ms, down $(( (t2 - t1) / 1000000 )) ms"
else
  echo "podman-compose: not installed, not measured"
fi
