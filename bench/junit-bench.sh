#!/usr/bin/env bash
# What jcompose-junit's @ComposeStack adds to a test class (launch to first test, stack up with
# wait semantics) against `jcompose up -d --wait` as a process, in one run on one warm engine
# (ExtensionOverheadBench in jcompose-junit's tests). Testcontainers' ComposeContainer cannot be
# measured here: it needs a Docker daemon. Needs root and the registry with the test and example
# images (scripts/registry.sh start; scripts/build-test-images.sh; scripts/build-example-images.sh).
# Env: RUNS (5), STACKS ("web web-db"), SUFFIX (build suffix, -bench).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
runs="${RUNS:-5}"
suffix="${SUFFIX:--bench}"
root="$(mktemp -d /tmp/jcompose-test-bench-junit.XXXXXX)"
work="$(mktemp -d /tmp/jc-junit-bench.XXXXXX)"
export JCOMPOSE_DATA_ROOT="$root/data" JCOMPOSE_RUN_ROOT="$root/run" JCOMPOSE_CONFIG="$root/no-config.json"
export JCOMPOSE_REGISTRY_MIRRORS="http://${JCOMPOSE_TEST_REGISTRY:-127.0.0.1:5000}" WEB_PORT=0
cd "$here"
mvn -B -q -Djc.build.suffix="$suffix" -pl compose-cli,jcompose-junit -am package -DskipTests >&2
mvn -B -q -Djc.build.suffix="$suffix" -pl jcompose-junit -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >&2
jar="$here/compose-cli/target$suffix/jcompose.jar"
stop() {
  java -jar "$jar" engine stop >/dev/null 2>&1 || true
  rm -rf "$root" "$work"
}
trap stop EXIT
cd jcompose-junit
cp="target$suffix/test-classes:target$suffix/classes:$(cat "$work/cp.txt")"
for stack in ${STACKS:-web web-db}; do
  java -Dsurefire.test.class.path="$cp" -cp "$cp" dev.jcompose.junit.ExtensionOverheadBench "$stack" "$runs" "$jar" 2>/dev/null | grep -v '^\['
done
