#!/usr/bin/env bash
# Runtime figures: create->exec latency, jcshim RSS per container, 1M-line log write, LogReader speed.
# Needs root. Usage: bench/runtime-bench.sh [latency|phases|seccomp]   (from anywhere)
#   seccomp: median of 20 create->exec without and with docker's default seccomp filter, interleaved
set -euo pipefail
cd "$(dirname "$0")/.."
suffix=-bench
mvn -B -q -Djc.build.suffix=$suffix -pl runtime test-compile
cp_file=runtime/target$suffix/bench.classpath
mvn -B -q -Djc.build.suffix=$suffix -pl runtime dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file" >/dev/null
cp="runtime/target$suffix/classes:runtime/target$suffix/test-classes:$(cat "$cp_file")"
exec java -cp "$cp" dev.jcompose.runtime.container.RuntimeBench "$@"
