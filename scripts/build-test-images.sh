#!/usr/bin/env bash
# Builds the small test images OFFLINE from Debian's busybox-static and pushes them to the local
# registry (scripts/registry.sh), docker.io-style, so that "busybox" resolves through a mirror:
#   library/busybox:latest, jcompose-test/busybox:latest   one layer: busybox, applet links,
#                                                          passwd/group with user app (1000)
#   jcompose-test/healthy:latest   + layer with /entrypoint.sh; config with ENTRYPOINT, CMD,
#                                  HEALTHCHECK, VOLUME, EXPOSE, WORKDIR, STOPSIGNAL, LABEL
#   jcompose-test/layered:latest   + two layers: files, then a whiteout and an opaque dir; USER app
# Tars are deterministic (sorted, fixed mtime, gzip -n), so an image whose manifest digest the
# registry already serves is skipped. Env: JCOMPOSE_REGISTRY_URL (http://127.0.0.1:5000).
set -euo pipefail

url="${JCOMPOSE_REGISTRY_URL:-http://127.0.0.1:5000}"
busybox_bin="${BUSYBOX:-/bin/busybox}"
[ -x "$busybox_bin" ] || busybox_bin="$(command -v busybox)" || { echo "build-test-images.sh: install busybox-static" >&2; exit 1; }
curl -fsS --max-time 3 -o /dev/null "$url/v2/" || { echo "build-test-images.sh: no registry at $url (run scripts/registry.sh start)" >&2; exit 1; }

work="$(mktemp -d /tmp/jcompose-test-images.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/blobs"
MTIME=@1700000000
OCI_MANIFEST=application/vnd.oci.image.manifest.v1+json

sha() { sha256sum "$1" | cut -d' ' -f1; }
size() { stat -c %s "$1"; }

# layer DIR NAME -> writes $work/blobs/<hex>, sets LAYER_DIGEST LAYER_SIZE LAYER_DIFFID
layer() {
  local dir="$1" name="$2"
  tar -C "$dir" --sort=name --mtime="$MTIME" --numeric-owner --format=gnu -cf "$work/$name.tar" .
  LAYER_DIFFID="sha256:$(sha "$work/$name.tar")"
  gzip -n -9 < "$work/$name.tar" > "$work/$name.tar.gz"
  LAYER_DIGEST="sha256:$(sha "$work/$name.tar.gz")"
  LAYER_SIZE="$(size "$work/$name.tar.gz")"
  mv "$work/$name.tar.gz" "$work/blobs/${LAYER_DIGEST#sha256:}"
}

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

# image REPO... -- CONFIG_JSON_BODY LAYER_TRIPLES...   (triples: digest size diffid)
image() {
  local repos=() ; while [ "$1" != "--" ]; do repos+=("$1"); shift; done; shift
  local body="$1"; shift
  local diffids="" layers="" digest size diffid
  while [ $# -gt 0 ]; do
    digest="$1" size="$2" diffid="$3"; shift 3
    diffids+="${diffids:+,}\"$diffid\""
    layers+="${layers:+,}{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"$digest\",\"size\":$size}"
  done
  local config="$work/config.json"
  printf '{"architecture":"amd64","os":"linux","created":"2023-11-14T22:13:20Z","config":{%s},"rootfs":{"type":"layers","diff_ids":[%s]}}' \
    "$body" "$diffids" > "$config"
  local cdigest="sha256:$(sha "$config")"
  cp "$config" "$work/blobs/${cdigest#sha256:}"
  local manifest="$work/manifest.json"
  printf '{"schemaVersion":2,"mediaType":"%s","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%s},"layers":[%s]}' \
    "$OCI_MANIFEST" "$cdigest" "$(size "$config")" "$layers" > "$manifest"
  local mdigest="sha256:$(sha "$manifest")" repo
  for repo in "${repos[@]}"; do
    push_image "$repo" "$manifest" "$mdigest" "$cdigest" "$@"
  done
}

push_image() {
  local ref="$1" manifest="$2" mdigest="$3"
  local repo="${ref%:*}" tag="${ref##*:}"
  local have
  have="$(curl -fsS -I -H "Accept: $OCI_MANIFEST" "$url/v2/$repo/manifests/$tag" 2>/dev/null | tr -d '\r' | awk -F': ' 'tolower($1)=="docker-content-digest"{print $2}')" || true
  if [ "$have" = "$mdigest" ]; then
    echo "build-test-images.sh: $ref $mdigest up to date"
    return
  fi
  local blob
  for blob in $(jq -r '.config.digest, .layers[].digest' "$manifest"); do
    push_blob "$repo" "$blob"
  done
  curl -fsS -X PUT -H "Content-Type: $OCI_MANIFEST" --data-binary "@$manifest" "$url/v2/$repo/manifests/$tag" -o /dev/null
  echo "build-test-images.sh: $ref $mdigest pushed"
}

push_blob() {
  local repo="$1" digest="$2"
  curl -fsS -I -o /dev/null "$url/v2/$repo/blobs/$digest" 2>/dev/null && return 0
  local location
  location="$(curl -fsS -X POST -D - -o /dev/null "$url/v2/$repo/blobs/uploads/" | tr -d '\r' | awk -F': ' 'tolower($1)=="location"{print $2}')"
  case "$location" in http*) ;; *) location="$url$location" ;; esac
  case "$location" in *\?*) location="$location&digest=$digest" ;; *) location="$location?digest=$digest" ;; esac
  curl -fsS -X PUT -H "Content-Type: application/octet-stream" --data-binary "@$work/blobs/${digest#sha256:}" "$location" -o /dev/null
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
HEALTHY=("$LAYER_DIGEST" "$LAYER_SIZE" "$LAYER_DIFFID")

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
