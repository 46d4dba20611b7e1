#!/usr/bin/env bash
# Cold pull+unpack benchmark: a ~550 MB unpacked / ~185 MB gzip multi-layer image built from this
# host's own files (binaries, python, text; no network) on top of the busybox test layer is pushed
# once to the local registry (scripts/registry.sh), then pulled RUNS times into an empty data
# root. Prints compressed/unpacked sizes, the pull time measured inside the JVM (JVM start
# excluded), the CPU time the JVM spent on it (stable on a busy machine) and the process wall time. Goal: < 4.5 s for ~190 MB gzip.
# Env: RUNS (3), JCOMPOSE_CACHE_DIR (/var/cache/jcompose-test), JCOMPOSE_TEST_REGISTRY (127.0.0.1:5000).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
runs="${RUNS:-3}"
registry="${JCOMPOSE_TEST_REGISTRY:-127.0.0.1:5000}"
url="http://$registry"
repo=jcompose-bench/hostfiles2
ref="$registry/$repo:latest"
cache="${JCOMPOSE_CACHE_DIR:-/var/cache/jcompose-test}/bench"
mkdir -p "$cache"

"$here/scripts/registry.sh" start >/dev/null
"$here/scripts/build-test-images.sh" >/dev/null

# --- build the image once (tars are deterministic; skipped when the registry has it) ---------
if ! curl -fsS -I -o /dev/null "$url/v2/$repo/manifests/latest" 2>/dev/null; then
  echo "pull-bench: building $repo from host files (once)..." >&2
  layers=()
  layer_dirs=("usr/bin" "usr/lib/python3.11 usr/share/perl usr/share/vim" "usr/share/package-lists usr/libexec")
  for srcs in "${layer_dirs[@]}"; do
    name="$(echo "$srcs" | tr '/ ' '__')"
    # shellcheck disable=SC2086 # several directories per layer
    tar -C / --sort=name --mtime=@1700000000 --numeric-owner --format=gnu -cf "$cache/$name.tar" $srcs
    diffid="sha256:$(sha256sum "$cache/$name.tar" | cut -d' ' -f1)"
    gzip -n -6 -f "$cache/$name.tar"
    digest="sha256:$(sha256sum "$cache/$name.tar.gz" | cut -d' ' -f1)"
    mv "$cache/$name.tar.gz" "$cache/${digest#sha256:}"
    layers+=("$digest $(stat -c %s "$cache/${digest#sha256:}") $diffid")
  done
  # base layer: the busybox test image's layer, fetched from the registry
  base_manifest="$(curl -fsS -H 'Accept: application/vnd.oci.image.manifest.v1+json' "$url/v2/library/busybox/manifests/latest")"
  base_config="$(curl -fsS "$url/v2/library/busybox/blobs/$(echo "$base_manifest" | jq -r .config.digest)")"
  base_digest="$(echo "$base_manifest" | jq -r '.layers[0].digest')"
  curl -fsS -o "$cache/${base_digest#sha256:}" "$url/v2/library/busybox/blobs/$base_digest"
  layers=("$base_digest $(echo "$base_manifest" | jq -r '.layers[0].size') $(echo "$base_config" | jq -r '.rootfs.diff_ids[0]')" "${layers[@]}")
  diffids=""; descs=""
  for l in "${layers[@]}"; do
    set -- $l
    diffids+="${diffids:+,}\"$3\""
    descs+="${descs:+,}{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"$1\",\"size\":$2}"
  done
  printf '{"architecture":"amd64","os":"linux","config":{"Cmd":["sh"]},"rootfs":{"type":"layers","diff_ids":[%s]}}' "$diffids" > "$cache/config.json"
  cdigest="sha256:$(sha256sum "$cache/config.json" | cut -d' ' -f1)"
  cp "$cache/config.json" "$cache/${cdigest#sha256:}"
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%s},"layers":[%s]}' \
    "$cdigest" "$(stat -c %s "$cache/config.json")" "$descs" > "$cache/manifest.json"
  for d in "$cdigest" $(jq -r '.layers[].digest' "$cache/manifest.json"); do
    curl -fsS -I -o /dev/null "$url/v2/$repo/blobs/$d" 2>/dev/null && continue
    loc="$(curl -fsS -X POST -D - -o /dev/null "$url/v2/$repo/blobs/uploads/" | tr -d '\r' | awk -F': ' 'tolower($1)=="location"{print $2}')"
    case "$loc" in http*) ;; *) loc="$url$loc" ;; esac
    case "$loc" in *\?*) loc="$loc&digest=$d" ;; *) loc="$loc?digest=$d" ;; esac
    curl -fsS -X PUT -H 'Content-Type: application/octet-stream' --data-binary "@$cache/${d#sha256:}" "$loc" -o /dev/null
  done
  curl -fsS -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' --data-binary "@$cache/manifest.json" "$url/v2/$repo/manifests/latest" -o /dev/null
  rm -f "$cache"/*.tar
fi

manifest="$(curl -fsS -H 'Accept: application/vnd.oci.image.manifest.v1+json' "$url/v2/$repo/manifests/latest")"
gz_bytes="$(echo "$manifest" | jq '[.layers[].size] | add')"

# --- build the runtime classpath and the bench main -----------------------------------------
(cd "$here" && mvn -B -q -Djc.build.suffix=-bench -pl runtime install -DskipTests >/dev/null)
cp_file="$cache/classpath.txt"
(cd "$here/runtime" && mvn -B -q -Djc.build.suffix=-bench dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null)
classes="$cache/classes"
mkdir -p "$classes"
cp="$here/runtime/target-bench/classes:$(cat "$cp_file")"
javac -d "$classes" -cp "$cp" "$here/bench/PullBench.java"

echo "pull-bench: $ref, $(echo "$manifest" | jq '.layers | length') layers, $((gz_bytes / 1000000)) MB compressed"
for i in $(seq 1 "$runs"); do
  root="$(mktemp -d /tmp/jcompose-test-bench.XXXXXX)"
  start=$(date +%s%N)
  read -r ms cpu size nlayers < <(java -cp "$classes:$cp" PullBench "$root" "$ref")
  wall=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "run $i: pull ${ms} ms, CPU ${cpu} ms, JVM wall ${wall} ms; unpacked $((size / 1000000)) MB in $nlayers layers"
  rm -rf "$root"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
