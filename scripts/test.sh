#!/usr/bin/env bash
# The whole test suite, as README.md documents it: installs what the tests need (Debian
# packages), starts the local registry with the offline-built test images, runs every test tier
# (unit, root/kernel, end-to-end) and finally checks that nothing was left behind on the host.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$here"
shared="$here/../shared/tools"

need_pkgs=()
for p in busybox-static docker-registry nftables skopeo iproute2 dnsutils; do
  dpkg -s "$p" >/dev/null 2>&1 || need_pkgs+=("$p")
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  echo "test.sh: installing ${need_pkgs[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi

# Never let container traffic leave this machine while tests enable forwarding and NAT.
[ -x "$shared/egress-guard" ] && "$shared/egress-guard"

# Start the local registry unless one already answers; stop it afterwards only if we started it.
if ! scripts/registry.sh status >/dev/null 2>&1; then
  scripts/registry.sh start
  trap 'scripts/registry.sh stop || true' EXIT
fi
[ -x scripts/build-test-images.sh ] && scripts/build-test-images.sh

mvn -B -Proot verify

if [ -x "$shared/leakcheck" ]; then
  "$shared/leakcheck"
fi
