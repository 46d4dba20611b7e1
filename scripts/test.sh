#!/usr/bin/env bash
# The whole test suite, as README.md documents it: installs what the tests need (Debian
# packages), starts the local registry with the offline-built test images, runs every test tier
# (unit, root/kernel, end-to-end) and finally checks that nothing was left behind on the host.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$here"
shared="$here/../shared/tools"

# shellcheck source=lib/packages.sh
. scripts/lib/packages.sh
ensure_packages busybox-static docker-registry debootstrap nftables skopeo iproute2 dnsutils curl jq ca-certificates

# Never let container traffic leave this machine while tests enable forwarding and NAT.
[ -x "$shared/egress-guard" ] && "$shared/egress-guard"

# Start the local registry unless one already answers; stop it afterwards only if we started it.
if ! scripts/registry.sh status >/dev/null 2>&1; then
  scripts/registry.sh start
  trap 'scripts/registry.sh stop || true' EXIT
fi
scripts/build-test-images.sh
# postgres, redis and python stand-ins for examples/ (debootstrap on the first run, then cached)
scripts/build-example-images.sh

# kube-apiserver and etcd for convert's acceptance tier (tag k8s): built from the Go module proxy on
# the first run (see the script for the cost), then cached
JCOMPOSE_K8S_PEERS="$(scripts/k8s-peers.sh)"
export JCOMPOSE_K8S_PEERS

mvn -B -Proot verify

if [ -x "$shared/leakcheck" ]; then
  "$shared/leakcheck"
fi
