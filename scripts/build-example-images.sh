#!/usr/bin/env bash
# Builds OFFLINE stand-ins for the images examples/ names, from Debian packages, and pushes them to
# the local registry (scripts/registry.sh) docker.io-style, so that with the registry as mirror
# the examples' ordinary image names resolve here exactly as they do against Docker Hub:
#   library/postgres:15 (15-bookworm)       postgresql-15; entrypoint honouring POSTGRES_PASSWORD,
#                                           POSTGRES_USER, POSTGRES_DB, PGDATA, POSTGRES_INITDB_ARGS,
#                                           POSTGRES_HOST_AUTH_METHOD, /docker-entrypoint-initdb.d
#   library/redis:7 (7-bookworm)            redis-server, reachable from other containers
#   library/python:3.11-slim (3.11, 3-slim) python3
# Layers: one shared debootstrap minbase layer, one layer of what each image's packages add
# (installed on an overlay over the base, whiteouts converted to OCI form), one small layer with
# the image's own scripts. The base rootfs and the layers are cached under
# $JCOMPOSE_CACHE_DIR/example-images, keyed by the text of the functions that make them (and the
# package names), so later runs only check the registry and push what it lacks, and an edited
# recipe rebuilds by itself. Runs take a lock there: concurrent runs wait for each other.
# Env: JCOMPOSE_TEST_REGISTRY (127.0.0.1:5000, host:port of scripts/registry.sh), JCOMPOSE_CACHE_DIR (/var/cache/jcompose-test).
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
url="http://${JCOMPOSE_TEST_REGISTRY:-127.0.0.1:5000}"
cache="${JCOMPOSE_CACHE_DIR:-/var/cache/jcompose-test}/example-images"
SUITE=bookworm
me="$(basename "$0")"

die() { echo "$me: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot, overlay mounts)"
# The whole build runs in mount and pid namespaces of its own: the overlays and the chroot's /proc,
# /dev and /run (and debootstrap's) never enter the host's mount table, and whatever ends the
# script, its mounts and any process a package's script left running end with it.
if [ -z "${JCOMPOSE_IMAGE_BUILDER_NS:-}" ]; then
  JCOMPOSE_IMAGE_BUILDER_NS=1 exec unshare --mount --propagation private --pid --fork --kill-child -- "$here/$me" "$@"
fi
# shellcheck source=lib/packages.sh
. "$here/lib/packages.sh"
# python3: the whiteout conversion reads xattrs, which no tool of a minimal Debian does
ensure_packages debootstrap jq curl python3
curl -fsS --max-time 3 -o /dev/null "$url/v2/" || die "no registry at $url (run scripts/registry.sh start)"

# One run at a time per cache: two would debootstrap into the same directory, and one's clean-up
# at the end would delete what the other has just built.
mkdir -p "$cache"
exec 9> "$cache/.lock"
flock -w 1800 9 || die "another run has held $cache/.lock for 30 minutes"

work="$(mktemp -d /tmp/jcompose-test-example-images.XXXXXX)"
mounted=()
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[$i]}" 2>/dev/null || umount -l "${mounted[$i]}" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
mount_at() { mount "$@"; mounted+=("${!#}"); }
unmount_all() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[$i]}"; done
  mounted=()
  # a mount left behind would pin the overlay and leak into the host's mount table
  local left
  left="$(findmnt -rn -o TARGET | grep -F "$work/" || true)"
  [ -z "$left" ] || die "mounts left behind: $left"
}

# shellcheck source=lib/oci.sh
. "$here/lib/oci.sh"
blobs="$cache/blobs"
gzip_level=6
mkdir -p "$blobs"
touch "$work/started"

# The Debian archive this machine's apt uses, read from its own configuration (never hard-coded).
apt_mirror() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk -v suite="$SUITE" '
      /^[[:space:]]*$/ { if (uri != "" && ok) { print uri; exit } uri = ""; ok = 0; next }
      tolower($1) == "uris:" { uri = $2 }
      tolower($1) == "suites:" { for (i = 2; i <= NF; i++) if ($i == suite) ok = 1 }
      END { if (uri != "" && ok) print uri }' "$f" | head -n1
  done
  [ -f /etc/apt/sources.list ] && awk -v suite="$SUITE" '$1 == "deb" { for (i = 2; i < NF; i++) if ($(i + 1) == suite && $i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list
  true
}

# key WORDS... -> a short hash naming a cached result of this recipe
key() { printf '%s\n' "$@" | sha256sum | cut -c1-16; }
# recipe FUNCTION... -> the functions' text, for a key: editing one makes a new key, so what it
# built is rebuilt without anyone remembering to bump a version
recipe() { declare -f "$@"; }

build_base() {
  [ -f "$base/.complete" ] && return 0
  local mirror
  mirror="$(apt_mirror | head -n1)"
  [ -n "$mirror" ] || die "cannot find the Debian archive for $SUITE in /etc/apt/sources.list{,.d}"
  echo "$me: debootstrap $SUITE (minbase), first run only"
  rm -rf "$base"
  timeout 1200 debootstrap --variant=minbase "$SUITE" "$base" "$mirror" > "$work/debootstrap.log" 2>&1 \
    || { tail -n 20 "$work/debootstrap.log" >&2; die "debootstrap failed"; }
  # The image must not carry this machine's identity or archive address.
  : > "$base/etc/apt/sources.list"
  : > "$base/etc/resolv.conf"
  : > "$base/etc/hostname"
  printf '127.0.0.1\tlocalhost\n' > "$base/etc/hosts"
  rm -rf "$base"/var/lib/apt/lists/* "$base"/var/cache/apt/* "$base"/var/log/* "$base"/tmp/*
  touch "$base/.complete"
}

# install NAME PACKAGE... -> $work/NAME.upper holds what installing PACKAGEs changed in the base
install_on_base() {
  local name="$1"; shift
  local upper="$work/$name.upper" merged="$work/$name.merged"
  mkdir -p "$upper" "$work/$name.work" "$merged"
  mount_at -t overlay overlay -o "lowerdir=$base,upperdir=$upper,workdir=$work/$name.work" "$merged"
  # apt inside reads copies of this machine's archive, proxy and resolver settings from a tmpfs
  # /run (never part of an image), through APT_CONFIG: /etc/apt stays the image's own, where
  # maintainer scripts write as on any machine (postgresql-common adds
  # apt.conf.d/02autoremove-postgresql), and nothing they do reaches the host.
  mount_at -t tmpfs -o mode=755,nosuid,nodev run "$merged/run"
  host_apt_config "$merged/run/host-apt"
  mount_at --bind "$merged/run/host-apt/resolv.conf" "$merged/etc/resolv.conf"
  mount_at -t proc proc "$merged/proc"
  private_dev "$merged/dev"
  # No service may start during the install (there is no init here).
  printf '#!/bin/sh\nexit 101\n' > "$merged/usr/sbin/policy-rc.d"
  chmod 755 "$merged/usr/sbin/policy-rc.d"
  # Like Debian's slim images: no manuals, docs or message translations.
  printf '%s\n' 'path-exclude=/usr/share/doc/*' 'path-include=/usr/share/doc/*/copyright' 'path-exclude=/usr/share/man/*' \
    'path-exclude=/usr/share/info/*' 'path-exclude=/usr/share/locale/*' > "$merged/etc/dpkg/dpkg.cfg.d/slim"
  prepare_"$name" "$merged"
  timeout 1200 chroot "$merged" /usr/bin/env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 APT_CONFIG=/run/host-apt/apt.conf \
    sh -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@"' apt "$@" > "$work/$name.log" 2>&1 \
    || { tail -n 30 "$work/$name.log" >&2; die "installing $* failed"; }
  rm -f "$merged/usr/sbin/policy-rc.d"
  unmount_all
  rm -rf "$upper"/var/lib/apt/lists "$upper"/var/cache/apt "$upper"/var/log/* "$upper"/tmp/* \
    "$upper"/var/cache/debconf/*-old "$upper"/var/lib/dpkg/*-old
  prune_"$name" "$upper"
  to_oci_whiteouts "$upper" "$base"
}

# host_apt_config DIR: copies of the host's apt sources and settings and of its resolver, and an
# apt.conf that points apt at them (read from the host, never written to it)
host_apt_config() {
  local dir="$1"
  mkdir -p "$dir"
  cp -rL --no-preserve=ownership /etc/apt/sources.list.d /etc/apt/apt.conf.d "$dir/"
  if [ -f /etc/apt/sources.list ]; then cp -L /etc/apt/sources.list "$dir/sources.list"; else : > "$dir/sources.list"; fi
  cp -L /etc/resolv.conf "$dir/resolv.conf"
  printf '%s\n' 'Dir::Etc::sourcelist "/run/host-apt/sources.list";' \
    'Dir::Etc::sourceparts "/run/host-apt/sources.list.d";' 'Dir::Etc::parts "/run/host-apt/apt.conf.d";' > "$dir/apt.conf"
}

# private_dev DIR: a tmpfs /dev with the few nodes package scripts use, so that nothing they do
# there reaches the host's /dev
private_dev() {
  mount_at -t tmpfs -o mode=755,nosuid dev "$1"
  mknod -m 666 "$1/null" c 1 3
  mknod -m 666 "$1/zero" c 1 5
  mknod -m 666 "$1/full" c 1 7
  mknod -m 666 "$1/random" c 1 8
  mknod -m 666 "$1/urandom" c 1 9
  mknod -m 666 "$1/tty" c 5 0
  ln -s /proc/self/fd "$1/fd"
}

# What each image's install needs set up first. postgresql-common must not create a cluster in
# the image: the entrypoint does that in the volume on first start (as the official image, whose
# createcluster.conf says the same).
prepare_postgres() {
  mkdir -p "$1/etc/postgresql-common"
  echo 'create_main_cluster = false' > "$1/etc/postgresql-common/createcluster.conf"
}
prepare_redis() { :; }
prepare_python() { :; }

# What an image carries but never uses. Postgres's JIT provider drags in LLVM (130 MB of 180):
# without llvmjit.so the server silently runs without JIT, as its documentation says.
prune_postgres() {
  rm -rf "$1"/usr/lib/postgresql/15/lib/llvmjit* "$1"/usr/lib/postgresql/15/lib/bitcode \
    "$1"/usr/lib/x86_64-linux-gnu/libLLVM-* "$1"/usr/lib/x86_64-linux-gnu/libz3.so*
  # ucf found prepare_postgres's one-line createcluster.conf and set the shipped one aside: keep
  # the shipped, commented text with only that setting changed (as the official image does).
  local cc="$1/etc/postgresql-common/createcluster.conf"
  if [ -f "$cc.ucf-dist" ]; then
    sed -E 's/^#?[[:space:]]*create_main_cluster[[:space:]]*=.*/create_main_cluster = false/' "$cc.ucf-dist" > "$cc"
    rm "$cc.ucf-dist"
  fi
  grep -qx 'create_main_cluster = false' "$cc" || die "createcluster.conf does not disable the main cluster"
}
prune_redis() { :; }
prune_python() { :; }

# to_oci_whiteouts UPPER LOWER: overlayfs marks a deleted file with a 0/0 character device and a
# replaced directory with the trusted.overlay.opaque xattr; OCI layers say the same with
# .wh.<name> and .wh..wh..opq files. Overlayfs also marks every directory created new inside a
# merged one opaque; that hides nothing, so only a directory the lower layer has gets the marker.
to_oci_whiteouts() {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import os, stat, sys
root, lower = sys.argv[1], sys.argv[2]
for d, dirs, files in os.walk(root):
    try:
        opaque = os.getxattr(d, "trusted.overlay.opaque") == b"y"
    except OSError:
        opaque = False
    if opaque:
        os.removexattr(d, "trusted.overlay.opaque")
        below = os.path.join(lower, os.path.relpath(d, root))
        if os.path.isdir(below) and not os.path.islink(below):
            open(os.path.join(d, ".wh..wh..opq"), "w").close()
    for n in files + dirs:
        p = os.path.join(d, n)
        st = os.lstat(p)
        if stat.S_ISCHR(st.st_mode) and st.st_rdev == 0:
            os.remove(p)
            open(os.path.join(d, ".wh." + n), "w").close()
PY
}

# cached_layer NAME KEY BUILD-FUNCTION... -> LAYER_* of the cached or freshly built layer
cached_layer() {
  local name="$1" k="$2"; shift 2
  local record="$cache/$name-$k.layer"
  if [ -f "$record" ] && read -r LAYER_DIGEST LAYER_SIZE LAYER_DIFFID < "$record" && [ -f "$blobs/${LAYER_DIGEST#sha256:}" ]; then
    touch "$record" "$blobs/${LAYER_DIGEST#sha256:}" # in use: spared by the clean-up at the end
    return 0
  fi
  "$@"
  echo "$LAYER_DIGEST $LAYER_SIZE $LAYER_DIFFID" > "$record"
}

base_layer() {
  build_base
  layer "$base" base --exclude=./.complete --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*'
}

packages_layer() {
  local name="$1"; shift
  build_base
  install_on_base "$name" "$@"
  layer "$work/$name.upper" "$name"
}

# scripts_layer NAME: the image's own files, written fresh each run (tiny and deterministic)
scripts_layer() {
  local name="$1"
  local dir="$work/$name.scripts"
  mkdir -p "$dir/usr/local/bin"
  "${name}_scripts" "$dir"
  layer "$dir" "$name-scripts"
}

postgres_scripts() {
  mkdir -p "$1/docker-entrypoint-initdb.d" "$1/var/lib/postgresql/data" "$1/var/run/postgresql"
  chown "$(ids_of postgres)" "$1/var/lib/postgresql" "$1/var/lib/postgresql/data" "$1/var/run/postgresql"
  chmod 700 "$1/var/lib/postgresql/data"
  chmod 3777 "$1/var/run/postgresql"
  install -m 755 "$here/images/postgres-entrypoint.sh" "$1/usr/local/bin/docker-entrypoint.sh"
}

redis_scripts() {
  mkdir -p "$1/data"
  chown "$(ids_of redis)" "$1/data"
  install -m 755 "$here/images/redis-entrypoint.sh" "$1/usr/local/bin/docker-entrypoint.sh"
}

python_scripts() {
  ln -s /usr/bin/python3 "$1/usr/local/bin/python"
  ln -s /usr/bin/python3 "$1/usr/local/bin/python3"
}

# The packages create their users; the scripts layer needs their ids, also when the package layer
# comes from the cache, so each package layer's /etc/passwd is kept beside it.
keep_passwd() {
  local name="$1" k="$2"
  passwd="$cache/$name-$k.passwd"
  if [ -f "$work/$name.upper/etc/passwd" ]; then
    cp "$work/$name.upper/etc/passwd" "$passwd"
  fi
  [ -f "$passwd" ] && touch "$passwd" # in use: spared by the clean-up at the end
  true
}

ids_of() {
  [ -f "$passwd" ] || die "no /etc/passwd recorded for this image; remove $cache to rebuild"
  awk -F: -v u="$1" '$1 == u { print $3 ":" $4; found = 1; exit } END { exit !found }' "$passwd" \
    || die "no user $1 in $passwd"
}

PATH_BASE="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

# The rootfs is what debootstrap made; the layers are named by it and by how they are made.
BASE_KEY="$(key "$SUITE" "$(recipe build_base)")"
base="$cache/rootfs-$BASE_KEY"
cached_layer base "$(key "$BASE_KEY" "$(recipe base_layer layer)")" base_layer
BASE_LAYER=("$LAYER_DIGEST" "$LAYER_SIZE" "$LAYER_DIFFID")

# stand_in NAME "PACKAGE..." CONFIG_BODY REPO:TAG...: the base, NAME's package layer (cached) and
# its scripts layer, pushed under every REPO:TAG
stand_in() {
  local name="$1" body="$3" pkgs k
  read -r -a pkgs <<< "$2"
  shift 3
  k="$(key "$BASE_KEY" "$(recipe packages_layer install_on_base "prepare_$name" "prune_$name" to_oci_whiteouts layer)" "${pkgs[@]}")"
  cached_layer "$name" "$k" packages_layer "$name" "${pkgs[@]}"
  local packages=("$LAYER_DIGEST" "$LAYER_SIZE" "$LAYER_DIFFID")
  keep_passwd "$name" "$k"
  scripts_layer "$name"
  image "$@" -- "$body" "${BASE_LAYER[@]}" "${packages[@]}" "$LAYER_DIGEST" "$LAYER_SIZE" "$LAYER_DIFFID"
}

stand_in postgres "postgresql-15 postgresql-client-15" \
  "\"Env\":[\"PATH=/usr/lib/postgresql/15/bin:$PATH_BASE\",\"PG_MAJOR=15\",\"PGDATA=/var/lib/postgresql/data\",\"LANG=C.UTF-8\"],\
\"Entrypoint\":[\"docker-entrypoint.sh\"],\"Cmd\":[\"postgres\"],\"ExposedPorts\":{\"5432/tcp\":{}},\
\"Volumes\":{\"/var/lib/postgresql/data\":{}},\"StopSignal\":\"SIGINT\"" \
  library/postgres:15 library/postgres:15-bookworm

stand_in redis "redis-server redis-tools" \
  "\"Env\":[\"PATH=$PATH_BASE\",\"LANG=C.UTF-8\"],\"Entrypoint\":[\"docker-entrypoint.sh\"],\"Cmd\":[\"redis-server\"],\
\"WorkingDir\":\"/data\",\"ExposedPorts\":{\"6379/tcp\":{}},\"Volumes\":{\"/data\":{}}" \
  library/redis:7 library/redis:7-bookworm

stand_in python "python3" "\"Env\":[\"PATH=$PATH_BASE\",\"LANG=C.UTF-8\"],\"Cmd\":[\"python3\"]" \
  library/python:3.11-slim library/python:3.11 library/python:3-slim

# What this run neither built nor used belongs to older recipes: drop it, so the cache stays the
# size of one set of images.
touch "$base"
find "$blobs" "$cache" -maxdepth 1 \( -type f ! -name .lock -o -type d -name 'rootfs-*' \) ! -newer "$work/started" -exec rm -rf '{}' +
