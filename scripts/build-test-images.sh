#!/usr/bin/env bash
# Builds the small test images OFFLINE from Debian's busybox-static and pushes them to the local
# registry (scripts/registry.sh), docker.io-style, so that "busybox" resolves through a mirror:
#   library/busybox:latest, jcompose-test/busybox:latest   one layer: busybox, applet links,
#                                                          passwd/group with user app (1000)
#   jcompose-test/healthy:latest   + layer with /entrypoint.sh; config with ENTRYPOINT, CMD,
#                                  HEALTHCHECK, VOLUME, EXPOSE, WORKDIR, STOPSIGNAL, LABEL
#   jcompose-test/layered:latest   + two layers: files, then a whiteout and an opaque dir; USER app
#   jcompose-test/hostile-*:latest + layers crafted to escape the root (scripts/lib/hostile.sh),
#                                  for the security tests
#   jcompose-test/short-history:latest, long-history:latest   busybox and its files layer (two
#                                  layers), its history listing one layer, or busybox alone (one
#                                  layer) listing three: the malformed bases commit repairs
# Tars are deterministic (sorted, fixed mtime, gzip -n), so an image whose manifest digest the
# registry already serves is skipped. Env: JCOMPOSE_TEST_REGISTRY (127.0.0.1:5000, host:port of scripts/registry.sh).
set -euo pipefail

url="http://${JCOMPOSE_TEST_REGISTRY:-127.0.0.1:5000}"
busybox_bin="${BUSYBOX:-/bin/busybox}"
[ -x "$busybox_bin" ] || busybox_bin="$(command -v busybox)" || { echo "build-test-images.sh: install busybox-static" >&2; exit 1; }
curl -fsS --max-time 3 -o /dev/null "$url/v2/" || { echo "build-test-images.sh: no registry at $url (run scripts/registry.sh start)" >&2; exit 1; }

work="$(mktemp -d /tmp/jcompose-test-images.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=lib/oci.sh
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib/oci.sh"
# shellcheck source=lib/hostile.sh
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib/hostile.sh"

busybox_rootfs() {
  local r="$work/busybox"
  mkdir -p "$r"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,root,home/app,var/tmp,proc,sys,dev}
  cp "$busybox_bin" "$r/bin/busybox"
  local applet
  for applet in $("$busybox_bin" --list-full); do
    [ -e "$r/$applet" ] || [ -L "$r/$applet" ] || ln -s /bin/busybox "$r/$applet"
  done
  printf '%s\n' 'root:x:0:0:root:/root:/bin/sh' 'app:x:1000:1000:app:/home/app:/bin/sh' \
    'nobody:x:65534:65534:nobody:/nonexistent:/bin/false' > "$r/etc/passwd"
  printf '%s\n' 'root:x:0:' 'app:x:1000:' 'nogroup:x:65534:' > "$r/etc/group"
  : > "$r/etc/hosts"; : > "$r/etc/resolv.conf"; : > "$r/etc/hostname"
  chown 1000:1000 "$r/home/app"
  chmod 1777 "$r/tmp" "$r/var/tmp"
  chmod 700 "$r/root"
  layer "$r" busybox
  BASE=("$LAYER_DIGEST" "$LAYER_SIZE" "$LAYER_DIFFID")
}

PATH_ENV='"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]'

busybox_rootfs
image library/busybox:latest jcompose-test/busybox:latest -- "$PATH_ENV,\"Cmd\":[\"sh\"]" "${BASE[@]}"

app="$work/healthy"
mkdir -p "$app/srv" "$app/data"
printf '%s\n' '#!/bin/sh' '# marks the container healthy once started, then runs the command' \
  'touch /tmp/healthy' 'exec "$@"' > "$app/entrypoint.sh"
chmod 755 "$app/entrypoint.sh"
echo "hello from jcompose-test/healthy" > "$app/srv/index.html"
layer "$app" healthy
image jcompose-test/healthy:latest -- "$PATH_ENV,\"Entrypoint\":[\"/entrypoint.sh\"],\"Cmd\":[\"sleep\",\"3600\"],\"WorkingDir\":\"/srv\",\
\"ExposedPorts\":{\"8080/tcp\":{}},\"Volumes\":{\"/data\":{}},\"StopSignal\":\"SIGTERM\",\"Labels\":{\"org.jcompose.test\":\"healthy\"},\
\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"test -f /tmp/healthy\"],\"Interval\":1000000000,\"Timeout\":1000000000,\"Retries\":3}" \
  "${BASE[@]}" "$LAYER_DIGEST" "$LAYER_SIZE" "$LAYER_DIFFID"

files="$work/files"
mkdir -p "$files/data" "$files/opq/sub"
echo a > "$files/data/a"; echo b > "$files/data/b"; echo x > "$files/opq/x"; echo z > "$files/opq/sub/z"
layer "$files" files
FILES=("$LAYER_DIGEST" "$LAYER_SIZE" "$LAYER_DIFFID")
wh="$work/whiteouts"
mkdir -p "$wh/data" "$wh/opq"
: > "$wh/data/.wh.a"; : > "$wh/opq/.wh..wh..opq"; echo y > "$wh/opq/y"
layer "$wh" whiteouts
image jcompose-test/layered:latest -- "$PATH_ENV,\"Cmd\":[\"sh\"],\"User\":\"app\"" \
  "${BASE[@]}" "${FILES[@]}" "$LAYER_DIGEST" "$LAYER_SIZE" "$LAYER_DIFFID"

# busybox's layers under a history that does not match them (image-spec config.md wants one
# non-empty entry per layer; docker and buildah then refuse or mis-show the image)
one_entry="{\"created\":\"$CREATED\",\"created_by\":\"an entry\"}"
IMAGE_HISTORY="$one_entry" image jcompose-test/short-history:latest -- "$PATH_ENV,\"Cmd\":[\"sh\"]" \
  "${BASE[@]}" "${FILES[@]}"
IMAGE_HISTORY="$one_entry,$one_entry,{\"created_by\":\"ENV X=1\",\"empty_layer\":true},$one_entry" \
  image jcompose-test/long-history:latest -- "$PATH_ENV,\"Cmd\":[\"sh\"]" "${BASE[@]}"

hostile_images
