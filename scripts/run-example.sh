#!/usr/bin/env bash
# Sets this machine up and brings one of examples/ up (default: web-db), ending with the URL to
# open. On a fresh Debian machine with a JDK and Maven, as root:
#   ./scripts/run-example.sh [web-db|hello|scale]
# What it does, each step a no-op when already done:
#   1. installs the Debian packages jcompose and the offline images need;
#   2. builds jcompose (./jcompose builds when its jar is missing or stale);
#   3. starts a local registry on 127.0.0.1:5000 (JCOMPOSE_TEST_REGISTRY) and fills it with images built offline from
#      Debian packages (busybox, postgres:15, redis:7, python:3.11-slim), cached after the first run;
#   4. makes that registry jcompose's Docker Hub mirror in /etc/jcompose/config.json, so the
#      examples' ordinary image names (postgres:15, …) resolve here and against Docker Hub elsewhere;
#   5. runs `jcompose up -d --wait` in the example's directory.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$here"
# shellcheck source=lib/packages.sh
. scripts/lib/packages.sh

example="${1:-web-db}"
[ -f "examples/$example/compose.yaml" ] || { echo "run-example.sh: no example '$example' (try: $(ls examples | grep -v pom.xml | grep -v target | tr '\n' ' '))" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "run-example.sh: jcompose needs root (namespaces, cgroups, mounts); run it with sudo" >&2; exit 2; }

# gcc, make, libc6-dev and zlib1g-dev build jcshim, the C part of jcompose (zlib: compressed logs)
ensure_packages busybox-static docker-registry debootstrap nftables iproute2 curl jq ca-certificates gcc make libc6-dev zlib1g-dev

./jcompose version >/dev/null

scripts/registry.sh start
scripts/build-test-images.sh
scripts/build-example-images.sh

mirror="$(scripts/registry.sh url)"
config="${JCOMPOSE_CONFIG:-/etc/jcompose/config.json}"
mkdir -p "$(dirname "$config")"
[ -s "$config" ] || echo '{}' > "$config"
if ! jq -e --arg m "$mirror" '(.["registry-mirrors"] // []) | index($m)' "$config" >/dev/null; then
  jq --arg m "$mirror" '.["registry-mirrors"] = ((.["registry-mirrors"] // []) + [$m])' "$config" > "$config.tmp"
  mv "$config.tmp" "$config"
  echo "run-example.sh: $mirror is now a registry mirror in $config"
  # an engine started before the change still has the old configuration
  ./jcompose engine stop >/dev/null 2>&1 || true
fi

cd "examples/$example"
../../jcompose up -d --wait
../../jcompose ps

if [ "$example" = web-db ]; then
  port="${WEB_PORT:-$(sed -n 's/^WEB_PORT=//p' .env)}"
  url="http://localhost:${port:-8080}/"
  curl -fsS --max-time 10 -o /dev/null "$url"
  echo
  echo "web-db is up: open $url"
  echo "  logs:  cd examples/web-db && ../../jcompose logs -f"
  echo "  stop:  cd examples/web-db && ../../jcompose down      (add -v to drop the database)"
fi
