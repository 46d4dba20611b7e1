#!/usr/bin/env bash
# Image builds, the same Dockerfile with jcompose and, where installed, docker build (BuildKit,
# against a dockerd of its own) and buildah, in one run:
#   cold       the first build: empty build cache (base image already present, as after a pull)
#   no-change  a rebuild with nothing changed (goal for jcompose: under 0.3 s end to end)
#   one-file   a rebuild after one source file changed: only the steps from its COPY on run again
# Each is timed end to end as a user types it (CLI start included), RUNS times; the closing note
# gives medians and the ratio of each tool to jcompose.
#
# The Dockerfile (written by the script) is multi-stage FROM the busybox test image, with RUN
# steps, a 300-file source tree, a 4 MiB asset and a .dockerignore. RUN uses no network in all
# tools (--network=none), so the figures measure builders, not downloads.
#
# Needs root, the built jar (./jcompose builds it) and the test registry with the busybox image
# (scripts/registry.sh start && scripts/build-test-images.sh). Run it under the root-test lock.
# Installs nothing: docker is measured when dockerd and the docker CLI are installed (Debian:
# docker.io; dockerd then runs with its own roots, no iptables, no bridge), buildah when installed.
# Env: RUNS (5), TOOLS ("jcompose docker buildah").
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
RUNS=${RUNS:-5}
TOOLS=${TOOLS:-jcompose docker buildah}
REG=${JCOMPOSE_TEST_REGISTRY:-127.0.0.1:5000}
work=$(mktemp -d /tmp/jcompose-test-bench-build.XXXXXX)
D=$work/docker
B=$work/buildah
export JCOMPOSE_DATA_ROOT=$work/jc/data JCOMPOSE_RUN_ROOT=$work/jc/run
export JCOMPOSE_REGISTRY_MIRRORS=http://$REG JCOMPOSE_CONFIG=$work/none.json
dockerd_pid=""

log() { echo "build-bench: $*" >&2; }
ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
jc() { (cd "$work/ctx" && "$here/jcompose" "$@"); }

cleanup() {
  jc down -t 0 >/dev/null 2>&1 || true
  jc engine stop >/dev/null 2>&1 || true
  if [ -n "$dockerd_pid" ]; then
    kill "$dockerd_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 0.1; done
    for m in $(awk '{print $2}' /proc/self/mounts | grep "^$D/" | sort -r); do umount -l "$m" 2>/dev/null || true; done
  fi
  for m in $(awk '{print $2}' /proc/self/mounts | grep "^$B/" | sort -r); do umount -l "$m" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# The build context: the same for every tool; BASE names the busybox image as each tool reaches it.
write_context() {
  local c=$work/ctx i
  mkdir -p "$c/src/pkg" "$c/assets" "$c/tmp"
  cat > "$c/Dockerfile" <<'EOF'
ARG BASE=busybox
FROM ${BASE} AS build
WORKDIR /build
COPY src/ ./src/
RUN find src -name '*.txt' | sort | xargs cat | wc -c > /build/size && tar -cf /build/src.tar src
RUN mkdir -p /out && cp /build/size /build/src.tar /out/

FROM ${BASE}
ENV APP_HOME=/app
WORKDIR /app
COPY assets/ ./assets/
COPY --from=build /out/ ./build/
COPY src/main.sh ./main.sh
RUN chmod 755 main.sh && mkdir -p /var/app && echo ready > /var/app/state
CMD ["/app/main.sh"]
EOF
  printf 'tmp/\n*.log\n' > "$c/.dockerignore"
  for i in $(seq 1 300); do printf 'file %d\n' "$i" > "$c/src/pkg/f$i.txt"; done
  printf '#!/bin/sh\necho main v1\n' > "$c/src/main.sh"
  head -c $((4 << 20)) /dev/urandom > "$c/assets/blob.bin"
  echo junk > "$c/tmp/junk.log"
  cat > "$c/compose.yaml" <<'EOF'
services:
  app:
    build:
      context: .
      network: none
EOF
}

touch_one() { printf '#!/bin/sh\necho main v%s\n' "$1" > "$work/ctx/src/main.sh"; }

# measure TOOL: fills COLD NOCHANGE ONEFILE (arrays of ms)
jcompose_prepare() { jc ps >/dev/null 2>&1; }
jcompose_cold() { rm -rf "$JCOMPOSE_DATA_ROOT/builder/cache"; jc build -q; }
jcompose_build() { jc build -q; }

docker_installed() { command -v dockerd >/dev/null && command -v docker >/dev/null; }
docker_prepare() {
  mkdir -p "$D"
  export DOCKER_HOST="unix://$D/docker.sock" DOCKER_BUILDKIT=1
  setsid dockerd --data-root "$D/data" --exec-root "$D/exec" --pidfile "$D/dockerd.pid" -H "$DOCKER_HOST" \
    --iptables=false --ip6tables=false --bridge=none --exec-opt native.cgroupdriver=cgroupfs \
    --insecure-registry "$REG" > "$D/dockerd.log" 2>&1 < /dev/null &
  dockerd_pid=$!
  for _ in $(seq 1 150); do docker version >/dev/null 2>&1 && break; sleep 0.2; done
  docker pull -q "$REG/library/busybox" >/dev/null
}
docker_cold() { docker builder prune -af >/dev/null 2>&1; docker_build; }
docker_build() { docker build -q --network=none --build-arg BASE="$REG/library/busybox" -t bench-app "$work/ctx" >/dev/null; }

buildah_installed() { command -v buildah >/dev/null; }
buildah_prepare() {
  mkdir -p "$B"
  buildah --root "$B/root" --runroot "$B/run" pull -q --tls-verify=false "docker://$REG/library/busybox" >/dev/null
}
bh() { buildah --root "$B/root" --runroot "$B/run" "$@"; }
buildah_cold() { bh rmi -a -f >/dev/null 2>&1 || true; bh pull -q --tls-verify=false "docker://$REG/library/busybox" >/dev/null; buildah_build; }
buildah_build() { bh bud -q --layers --network=none --build-arg BASE="$REG/library/busybox" -t bench-app "$work/ctx" >/dev/null; }

declare -A R
measure() {
  local t=$1 r t0 cold=() same=() one=()
  "${t}_prepare"
  "${t}_build" # warm-up: base image in the tool's store, CLI and daemon caches warm
  for r in $(seq 1 "$RUNS"); do
    touch_one "c$r"
    t0=$(ms); "${t}_cold"; cold+=($(( $(ms) - t0 )))
    t0=$(ms); "${t}_build"; same+=($(( $(ms) - t0 )))
    touch_one "o$r"
    t0=$(ms); "${t}_build"; one+=($(( $(ms) - t0 )))
  done
  R["$t|cold"]=$(printf '%s\n' "${cold[@]}" | median)
  R["$t|same"]=$(printf '%s\n' "${same[@]}" | median)
  R["$t|one"]=$(printf '%s\n' "${one[@]}" | median)
  log "$t: cold ${R[$t|cold]} ms, no-change ${R[$t|same]} ms, one-file ${R[$t|one]} ms"
}

write_context
measured=()
for t in $TOOLS; do
  if [ "$t" = jcompose ] || "${t}_installed"; then
    measure "$t"; measured+=("$t")
  else
    log "$t: not installed, not measured"
  fi
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0 && a != "-") printf "%.1fx", a / b; else print "-"}'; }
echo
echo "Builds of the same Dockerfile, $RUNS runs each, medians in ms (ratio = tool / jcompose):"
printf '  %-10s %12s %12s %12s\n' tool cold no-change one-file
for t in "${measured[@]}"; do
  printf '  %-10s %12s %12s %12s\n' "$t" "${R[$t|cold]}" "${R[$t|same]}" "${R[$t|one]}"
  if [ "$t" != jcompose ]; then
    printf '  %-10s %12s %12s %12s\n' "" "$(ratio "${R[$t|cold]}" "${R[jcompose|cold]}")" \
      "$(ratio "${R[$t|same]}" "${R[jcompose|same]}")" "$(ratio "${R[$t|one]}" "${R[jcompose|one]}")"
  fi
done
echo "  (jcompose goal for no-change: under 300 ms end to end)"
