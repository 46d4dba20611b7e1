#!/usr/bin/env bash
# config benchmark: generates a 500-service compose file (ports, volumes, env, depends_on,
# healthchecks, deploy limits, interpolation) and times load + normalise + validate + JSON/YAML
# rendering inside one JVM (first run = cold, warm = median of 20), then the end-to-end wall time
# of `jcompose config` (JVM start included) on a small file and on the big one.
# Env: SERVICES (500), SUFFIX (build suffix, default -norm).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
n="${SERVICES:-500}"
suffix="${SUFFIX:--norm}"
work="$(mktemp -d /tmp/jc-config-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

gen() {
  echo "services:"
  for i in $(seq 1 "$n"); do
    dep=$(( i > 1 ? i - 1 : 1 ))
    cat <<YAML
  svc$i:
    image: "example/app$i:\${TAG}"
    command: ["run", "--id", "$i"]
    ports: ["$((10000 + i)):80", "127.0.0.1:$((20000 + i))-$((20000 + i)):81/udp"]
    environment: [A=1, B=two, HOME]
    volumes: ["./data/$i:/data", "vol$((i % 10)):/v"]
    healthcheck: {test: "curl -f localhost", interval: 30s, retries: 3}
    deploy: {resources: {limits: {cpus: "0.5", memory: 256m}}}
    labels: {tier: "t$((i % 3))"}
YAML
    [ "$i" -gt 1 ] && echo "    depends_on: [svc$dep]"
  done
  echo "volumes:"
  for j in $(seq 0 9); do echo "  vol$j: {}"; done
}
gen > "$work/big.yaml"
printf 'services:\n  web:\n    image: nginx\n    ports: ["8080:80"]\n' > "$work/small.yaml"

cd "$here"
mvn -B -q -o -Djc.build.suffix="$suffix" -pl compose-model install -DskipTests >&2
mvn -B -q -o -Djc.build.suffix="$suffix" -pl compose-model dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/cp.txt" >&2
cp="$here/compose-model/target$suffix/classes:$(cat "$work/cp.txt")"
javac -d "$work" -cp "$cp" "$here/bench/ConfigBench.java"
read -r first warm services bytes < <(java -cp "$work:$cp" ConfigBench "$work/big.yaml")
echo "config-bench: $services services, $(wc -c < "$work/big.yaml") bytes YAML in, $bytes bytes JSON out"
echo "config-bench: in-JVM load+render first run ${first} ms, warm median ${warm} ms"

jar="$here/compose-cli/target$suffix/jcompose.jar"
if [ ! -f "$jar" ]; then
  mvn -B -q -o -Djc.build.suffix="$suffix" -pl compose-model,runtime,netmgr,scheduler install -DskipTests >&2
  mvn -B -q -o -Djc.build.suffix="$suffix" -pl compose-cli package -DskipTests >&2
fi
jvm=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:-UsePerfData -jar "$jar")
for f in small big; do
  start=$(date +%s%N)
  "${jvm[@]}" -f "$work/$f.yaml" -p bench config --format json > /dev/null
  echo "config-bench: jcompose config ($f file) end-to-end wall $(( ($(date +%s%N) - start) / 1000000 )) ms"
done
