# shellcheck shell=bash
# Writing OCI images as files and pushing them to a registry over its HTTP API (curl + jq), for
# the scripts that build test and example images offline. The caller sets:
#   url    the registry's base URL (http://127.0.0.1:5000)
#   work   a scratch directory
#   blobs  where blobs are kept (default $work/blobs; a cache directory keeps them across runs)
#   gzip_level  (default 9)
# Tars are deterministic (sorted, fixed mtime, numeric owners, gzip -n), so an unchanged image
# has an unchanged digest and is not pushed again.
# The caller sets url and work and reads LAYER_*, which shellcheck cannot see across files.
# shellcheck disable=SC2034,SC2154

MTIME=@1700000000
CREATED=2023-11-14T22:13:20Z # = MTIME
OCI_MANIFEST=application/vnd.oci.image.manifest.v1+json

sha() { sha256sum "$1" | cut -d' ' -f1; }
size() { stat -c %s "$1"; }

# layer DIR NAME [TAR-OPTION...] -> writes $blobs/<hex>, sets LAYER_DIGEST LAYER_SIZE LAYER_DIFFID
layer() {
  local dir="$1" name="$2"; shift 2
  tar -C "$dir" --sort=name --mtime="$MTIME" --numeric-owner --format=gnu "$@" -cf "$work/$name.tar" .
  layer_tar "$work/$name.tar" "$name"
}

# layer_tar TAR NAME -> the same from a tar the caller made (it is consumed)
layer_tar() {
  local tar="$1" name="$2"
  local b="${blobs:-$work/blobs}"
  mkdir -p "$b"
  LAYER_DIFFID="sha256:$(sha "$tar")"
  gzip -n "-${gzip_level:-9}" < "$tar" > "$work/$name.tar.gz"
  rm -f "$tar"
  LAYER_DIGEST="sha256:$(sha "$work/$name.tar.gz")"
  LAYER_SIZE="$(size "$work/$name.tar.gz")"
  mv "$work/$name.tar.gz" "$b/${LAYER_DIGEST#sha256:}"
}

# image REPO:TAG... -- CONFIG_JSON_BODY LAYER_TRIPLES...   (triples: digest size diffid)
# Writes the config and manifest blobs and pushes the image under every REPO:TAG. IMAGE_HISTORY
# (the entries of a JSON array) replaces the history written, for images whose history is wrong
# on purpose.
image() {
  local repos=() ; while [ "$1" != "--" ]; do repos+=("$1"); shift; done; shift
  local body="$1"; shift
  local b="${blobs:-$work/blobs}"
  local diffids="" layers="" history="" digest size diffid
  while [ $# -gt 0 ]; do
    digest="$1" size="$2" diffid="$3"; shift 3
    diffids+="${diffids:+,}\"$diffid\""
    layers+="${layers:+,}{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"$digest\",\"size\":$size}"
    # One history entry per layer (image-spec config.md: entries without empty_layer match the
    # diff_ids in order). buildah/containers-image refuse a base whose history counts fewer
    # non-empty entries than it has layers ("history lists 1 non-empty layers, but we have 2").
    history+="${history:+,}{\"created\":\"$CREATED\",\"created_by\":\"scripts/lib/oci.sh: layer $diffid\"}"
  done
  history="${IMAGE_HISTORY:-$history}"
  local config="$work/config.json"
  printf '{"architecture":"amd64","os":"linux","created":"%s","config":{%s},"rootfs":{"type":"layers","diff_ids":[%s]},"history":[%s]}' \
    "$CREATED" "$body" "$diffids" "$history" > "$config"
  local cdigest
  cdigest="sha256:$(sha "$config")"
  cp "$config" "$b/${cdigest#sha256:}"
  local manifest="$work/manifest.json"
  printf '{"schemaVersion":2,"mediaType":"%s","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%s},"layers":[%s]}' \
    "$OCI_MANIFEST" "$cdigest" "$(size "$config")" "$layers" > "$manifest"
  local mdigest repo
  mdigest="sha256:$(sha "$manifest")"
  for repo in "${repos[@]}"; do
    push_image "$repo" "$manifest" "$mdigest"
  done
}

push_image() {
  local ref="$1" manifest="$2" mdigest="$3"
  local repo="${ref%:*}" tag="${ref##*:}"
  local have
  have="$(curl -fsS --max-time 10 -I -H "Accept: $OCI_MANIFEST" "$url/v2/$repo/manifests/$tag" 2>/dev/null | tr -d '\r' | awk -F': ' 'tolower($1)=="docker-content-digest"{print $2}')" || true
  if [ "$have" = "$mdigest" ]; then
    echo "$(basename "$0"): $ref $mdigest up to date"
    return
  fi
  local blob
  for blob in $(jq -r '.config.digest, .layers[].digest' "$manifest"); do
    push_blob "$repo" "$blob"
  done
  curl -fsS --max-time 30 -X PUT -H "Content-Type: $OCI_MANIFEST" --data-binary "@$manifest" "$url/v2/$repo/manifests/$tag" -o /dev/null
  echo "$(basename "$0"): $ref $mdigest pushed"
}

push_blob() {
  local repo="$1" digest="$2"
  local b="${blobs:-$work/blobs}"
  curl -fsS --max-time 10 -I -o /dev/null "$url/v2/$repo/blobs/$digest" 2>/dev/null && return 0
  local location
  location="$(curl -fsS --max-time 10 -X POST -D - -o /dev/null "$url/v2/$repo/blobs/uploads/" | tr -d '\r' | awk -F': ' 'tolower($1)=="location"{print $2}')"
  case "$location" in http*) ;; *) location="$url$location" ;; esac
  case "$location" in *\?*) location="$location&digest=$digest" ;; *) location="$location?digest=$digest" ;; esac
  curl -fsS --max-time 300 -X PUT -H "Content-Type: application/octet-stream" --data-binary "@$b/${digest#sha256:}" "$location" -o /dev/null
}
