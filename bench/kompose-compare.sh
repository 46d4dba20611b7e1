#!/usr/bin/env bash
# jcompose convert and Kompose side by side on examples/ and convert's real-world corpus
# (convert/src/test/resources/corpus): which files each converts, which compose attributes each
# keeps (the same checks for both: AttributeProbes), and how many of its manifests a real
# kube-apiserver accepts (server-side dry-run, strict field validation, warnings not counted).
# Builds kube-apiserver, etcd and Kompose from the Go module proxy on the first run
# (scripts/k8s-peers.sh --kompose). Needs neither root nor a registry. Prints Markdown tables.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
suffix="${SUFFIX:--bench}"
work="$(mktemp -d /tmp/jc-kompose-compare.XXXXXX)"
trap 'rm -rf "$work"' EXIT

cd "$here"
JCOMPOSE_K8S_PEERS="$(scripts/k8s-peers.sh --kompose)"
export JCOMPOSE_K8S_PEERS
mvn -B -q -Djc.build.suffix="$suffix" -pl convert -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >&2
cd convert
java -cp "target$suffix/test-classes:target$suffix/classes:$(cat "$work/cp.txt")" dev.jcompose.convert.compare.KomposeComparison
