#!/usr/bin/env bash
# Builds the Kubernetes peers that judge `jcompose convert`, from the Go module proxy, with this
# machine's Go:
#   kube-apiserver  k8s.io/kubernetes cmd/kube-apiserver  (the API server's own validation and
#                   defaulting decide whether a converted manifest is accepted: server-side dry-run)
#   etcd            go.etcd.io/etcd/server/v3             (the store kube-apiserver needs to start)
#   kompose         github.com/kubernetes/kompose         (only with --kompose: bench/kompose-compare.sh)
# k8s.io/kubernetes is not meant to be a dependency: its go.mod replaces the k8s.io/* modules with
# ./staging, which its module zip leaves out. So each module's source is downloaded as it is
# published, its local replaces are dropped and the replaced modules required at the published
# version of the same release (staging k8s.io/X of v1.N.M is published as k8s.io/X v0.N.M), and
# the command is built inside that copy. Binaries are cached under
#   $JCOMPOSE_CACHE_DIR/k8s-peers/<name>-<version>/   (default /var/cache/jcompose-test)
# with Go's module and build caches beside them, so a cold cache costs the whole build and a warm
# one nothing. Prints the file to source for the binaries' paths (k8s-peers.env).
# Usage: scripts/k8s-peers.sh [--kompose]
set -euo pipefail

K8S_VERSION=v1.37.2
ETCD_VERSION=v3.7.4
KOMPOSE_VERSION=v1.38.0

cache="${JCOMPOSE_CACHE_DIR:-/var/cache/jcompose-test}/k8s-peers"
with_kompose=false
[ "${1:-}" = "--kompose" ] && with_kompose=true

die() { echo "k8s-peers.sh: $*" >&2; exit 1; }
# the machine's Go lives in /usr/local/go, which a non-login shell's PATH may lack
command -v go >/dev/null || PATH="$PATH:/usr/local/go/bin"
command -v go >/dev/null || die "needs Go (1.26) on PATH"
command -v jq >/dev/null || die "needs jq"

mkdir -p "$cache"
exec 9> "$cache/.lock"
flock -w 3600 9 || die "another build has held $cache/.lock for an hour"

# Go's caches live with the binaries: a fresh cache (CI) measures a cold build, and nothing here
# touches the user's own Go caches. GOTOOLCHAIN=local: a toolchain line in a module must not make
# go fetch another Go.
export GOMODCACHE="$cache/go/mod" GOCACHE="$cache/go/build" GOTOOLCHAIN=local GOWORK=off GOFLAGS=-mod=mod CGO_ENABLED=0
work="$(mktemp -d /tmp/jcompose-k8s-peers.XXXXXX)"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

# build NAME MODULE VERSION PACKAGE STAGING_VERSION [LDFLAGS]: builds PACKAGE of MODULE@VERSION into
# $cache/NAME-VERSION/NAME unless it is there. Local (path) replaces become requirements of
# STAGING_VERSION; replaces by other modules stay.
build() {
  local name="$1" module="$2" version="$3" pkg="$4" staging="$5" ldflags="${6:-}"
  local out="$cache/$name-$version/$name"
  if [ -x "$out" ]; then
    echo "k8s-peers.sh: $name $version cached" >&2
    return
  fi
  local start=$SECONDS dir src="$work/$name"
  dir="$(go mod download -json "$module@$version" | jq -r '.Dir // empty')"
  [ -n "$dir" ] || die "the module proxy did not serve $module@$version"
  cp -r "$dir" "$src"
  chmod -R u+w "$src"
  rm -rf "$src/vendor" "$src/go.work" "$src/go.work.sum"
  (
    cd "$src"
    go mod edit -toolchain=none
    local old
    for old in $(go mod edit -json | jq -r '.Replace[]? | select(.New.Path | startswith(".")) | .Old.Path'); do
      go mod edit -dropreplace="$old" -require="$old@$staging"
    done
    go build -trimpath -ldflags="-s -w $ldflags" -o "$out.tmp" "$pkg"
  )
  mkdir -p "$(dirname "$out")"
  mv "$out.tmp" "$out"
  echo "k8s-peers.sh: built $name $version in $((SECONDS - start)) s" >&2
}

minor="${K8S_VERSION#v1.}"; minor="${minor%%.*}"
version_pkg=k8s.io/component-base/version
build kube-apiserver k8s.io/kubernetes "$K8S_VERSION" ./cmd/kube-apiserver "v0.${K8S_VERSION#v1.}" \
  "-X $version_pkg.gitVersion=$K8S_VERSION -X $version_pkg.gitMajor=1 -X $version_pkg.gitMinor=$minor -X $version_pkg.gitTreeState=clean"
build etcd go.etcd.io/etcd/server/v3 "$ETCD_VERSION" . "$ETCD_VERSION"
if $with_kompose; then
  build kompose github.com/kubernetes/kompose "$KOMPOSE_VERSION" . "$KOMPOSE_VERSION"
fi

env_file="$cache/k8s-peers.env"
{
  echo "KUBE_APISERVER=$cache/kube-apiserver-$K8S_VERSION/kube-apiserver"
  echo "ETCD=$cache/etcd-$ETCD_VERSION/etcd"
  [ -x "$cache/kompose-$KOMPOSE_VERSION/kompose" ] && echo "KOMPOSE=$cache/kompose-$KOMPOSE_VERSION/kompose"
  true
} > "$env_file.tmp"
mv "$env_file.tmp" "$env_file"
echo "$env_file"
