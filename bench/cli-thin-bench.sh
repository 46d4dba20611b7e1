#!/usr/bin/env bash
# The CLI's read-only verbs against the JVM floor, in ONE hyperfine run (issue 15's required
# figure: ps and config -q at most 1.5x `java` starting an empty main with the launcher's JDK and
# flags): an engine with an N-service busybox stack on roots of its own, then the floor, the thin
# path (JCOMPOSE_THIN=require: the door must answer) and the full CLI (JCOMPOSE_THIN=0) for ps,
# config -q of examples/web-db and version; medians, CPU (user+sys) and ratios to the floor.
# Root and the local registry's busybox; run it under the root-test lock. Takes its stack down,
# stops its engine and runs the leak check at the end.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
N=${N:-20}
RUNS=${RUNS:-40}
T=/tmp/jcompose-test-bench-thin
export JCOMPOSE_DATA_ROOT=$T/data JCOMPOSE_RUN_ROOT=$T/run
export JCOMPOSE_REGISTRY_MIRRORS=${JCOMPOSE_REGISTRY_MIRRORS:-http://${JCOMPOSE_TEST_REGISTRY:-127.0.0.1:5000}}
export JCOMPOSE_JAR=${JCOMPOSE_JAR:-$here/compose-cli/target/jcompose.jar}
source "$here/bench/lib/stack.sh"
mkdir -p "$T/proj" "$T/floor"
cleanup() {
  (cd "$T/proj" && timeout 120 "$here/jcompose" down -v -t 1 >/dev/null 2>&1) || echo "down failed" >&2
  timeout 60 "$here/jcompose" engine stop >/dev/null 2>&1 || true
  cd /
  rm -rf "$T"
  "$here/scripts/leakcheck" | tail -1
}
trap cleanup EXIT
cd "$T/proj"
bench_stack_yaml "$N" > compose.yaml
timeout 300 "$here/jcompose" up -d >/dev/null 2>&1
flags=$(JCOMPOSE_PRINT_JAVA=1 "$here/jcompose")
java=${flags%% *}
echo 'public class Empty { public static void main(String[] a) {} }' > "$T/floor/Empty.java"
"${java%/java}/javac" -d "$T/floor" "$T/floor/Empty.java"
web=$here/examples/web-db/compose.yaml
JCOMPOSE_THIN=require hyperfine -N -w 3 -r "$RUNS" --export-json "$T/hf.json" \
  -n floor "$flags -cp $T/floor Empty" \
  -n "ps (thin)" "$here/jcompose ps" \
  -n "config -q (thin)" "$here/jcompose -f $web config -q" \
  -n "version (thin)" "$here/jcompose version" \
  -n "ps (full)" "env JCOMPOSE_THIN=0 $here/jcompose ps" \
  -n "config -q (full)" "env JCOMPOSE_THIN=0 $here/jcompose -f $web config -q" \
  -n "version (full)" "env JCOMPOSE_THIN=0 $here/jcompose version" >/dev/null
python3 - "$T/hf.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
floor = r[0]["median"]
print("| command | median ms | CPU ms | x floor |")
print("|---|---|---|---|")
for x in r:
    print("| %s | %.1f | %.1f | %.2f |" % (x["command"], x["median"] * 1000,
          (x["user"] + x["system"]) * 1000, x["median"] / floor))
PY
uptime
