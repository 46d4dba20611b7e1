#!/usr/bin/env bash
# The whole test suite, as README.md documents it: installs what the tests need (Debian
# packages), guards the machine's uplink, starts the local registry, runs the README's run command
# in a fresh clone (scripts/fresh-clone-smoke.sh, which also builds the images the tests use),
# runs every test tier (unit, root/kernel, end-to-end) and finally checks that nothing was left
# behind on the host (scripts/leakcheck).
#
# Under CI=true nothing comes from what an earlier run left on this machine, as on a new one: the
# images are built into an empty cache and pushed to an empty registry of this run's own (a
# temporary folder, a free port, JCOMPOSE_TEST_REGISTRY), and no machine-wide configuration
# (/etc/jcompose/config.json) is read; both go when the run ends. Maven's ~/.m2 is kept: a new
# user downloads the same. Without CI=true the cache (/var/cache/jcompose-test) and the registry
# on 127.0.0.1:5000 are reused, so a second run builds nothing.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$here"
shared="$here/../shared/tools" # the workplace's own tools: run as well when present, never needed
t0=$SECONDS

# shellcheck source=lib/packages.sh
. scripts/lib/packages.sh
ensure_packages busybox-static docker-registry debootstrap nftables iptables skopeo iproute2 dnsutils curl jq \
  ca-certificates python3 git gcc make libc6-dev zlib1g-dev

# Never let container traffic leave this machine while tests enable forwarding and NAT.
scripts/egress-guard
if [ -x "$shared/egress-guard" ]; then "$shared/egress-guard"; fi

cleanup=()
on_exit() {
  local i
  for ((i = ${#cleanup[@]} - 1; i >= 0; i--)); do eval "${cleanup[$i]}" || true; done
}
trap on_exit EXIT

# What an earlier, interrupted run left on this machine is not this run's: the project's leak
# check leaves those lines out (JCOMPOSE_LEAK_BASELINE) and names them here; the workplace's own
# check, which cannot, runs at the end only on a host that was clean at the start.
baseline="$(mktemp /tmp/jcompose-leaks-before.XXXXXX)"
cleanup+=("rm -f '$baseline'")
if ! scripts/leakcheck > "$baseline"; then
  echo "test.sh: this host holds jcompose leftovers from before this run (not counted):" >&2
  cat "$baseline" >&2
fi
export JCOMPOSE_LEAK_BASELINE="$baseline"
shared_clean_before=""
if [ -x "$shared/leakcheck" ] && "$shared/leakcheck" > /dev/null; then shared_clean_before=1; fi

if [ "${CI:-}" = true ]; then
  ci="$(mktemp -d /tmp/jcompose-ci.XXXXXX)"
  cleanup+=("rm -rf '$ci'")
  export JCOMPOSE_CACHE_DIR="$ci/cache"
  export JCOMPOSE_CONFIG="$ci/config.json" # absent: no mirror, no insecure registry of the machine's
  export JCOMPOSE_TEST_REGISTRY="127.0.0.1:$(scripts/lib/free-port.sh)"
  echo "test.sh: CI: empty image cache $JCOMPOSE_CACHE_DIR, own registry $JCOMPOSE_TEST_REGISTRY"
fi

# kube-apiserver and etcd for convert's acceptance tier (tag k8s) are built from the Go module proxy
# on the first run (about 10 CPU-minutes, see the script), then cached. The build is CPU-bound while
# the smoke test and most tests wait on the network, disks and containers, so it runs beside them,
# at the lowest priority, and only the k8s tier waits for it at the end.
peers_env="$(mktemp /tmp/jcompose-test-k8s-peers.XXXXXX)"
cleanup+=("rm -f '$peers_env' '$peers_env.log'")
setsid nice -n 19 scripts/k8s-peers.sh > "$peers_env" 2> "$peers_env.log" &
peers_pid=$!
cleanup+=("kill -- -$peers_pid 2>/dev/null") # its own process group: go and its compilers too

# Start the local registry unless one already answers; stop it afterwards only if we started it.
if ! scripts/registry.sh status >/dev/null 2>&1; then
  scripts/registry.sh start
  cleanup+=("scripts/registry.sh stop")
fi

# The README's run command in a fresh clone; on an empty cache this is where the images are built.
scripts/fresh-clone-smoke.sh
# no-ops after the smoke test ("up to date"), kept so the test images never depend on it
scripts/build-test-images.sh
scripts/build-example-images.sh

# Every tier but the Kubernetes one, while the peers may still be building...
mvn -B -Proot verify -Dsurefire.excludedGroups=k8s
# ...then the Kubernetes tier alone, once kube-apiserver and etcd are there.
wait "$peers_pid" || { cat "$peers_env.log" >&2; echo "test.sh: building the Kubernetes peers failed" >&2; exit 1; }
cat "$peers_env.log" >&2
JCOMPOSE_K8S_PEERS="$(cat "$peers_env")"
export JCOMPOSE_K8S_PEERS
mvn -B -Proot verify -pl convert -am -Dgroups=k8s -Dsurefire.excludedGroups=none

scripts/leakcheck
if [ -n "$shared_clean_before" ]; then "$shared/leakcheck"; fi
echo "test.sh: all tiers passed in $((SECONDS - t0)) s"
