# Shared by the bench scripts (source it). docker compose v5, built from the Go module proxy into
# the bench cache (never into the checkout). `go install` refuses the module (its go.mod has
# exclude lines), so the module is downloaded and ./cmd built in its folder with -mod=mod.
# Env: COMPOSE_V5_VERSION (v5.6.0: needs go >= its go.mod's line, 1.26.8), BENCH_CACHE
# (/var/cache/jcompose-bench).

COMPOSE_V5_VERSION=${COMPOSE_V5_VERSION:-v5.6.0}
BENCH_CACHE=${BENCH_CACHE:-/var/cache/jcompose-bench}

# compose_v5: prints the binary's path, building it first if the cache has none; 1 if it cannot
compose_v5() {
  local bin="$BENCH_CACHE/docker-compose-$COMPOSE_V5_VERSION" dir
  if [ -x "$bin" ]; then echo "$bin"; return 0; fi
  command -v go >/dev/null 2>&1 || return 1
  mkdir -p "$BENCH_CACHE"
  dir=$(cd / && GOMODCACHE="$BENCH_CACHE/gomod" GOFLAGS=-mod=mod GOTOOLCHAIN=local \
    go mod download -json "github.com/docker/compose/v5@$COMPOSE_V5_VERSION" 2>/dev/null |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
  [ -n "$dir" ] && [ -d "$dir" ] || return 1
  echo "bench: building docker compose $COMPOSE_V5_VERSION (a few minutes, once)" >&2
  (cd "$dir" && GOMODCACHE="$BENCH_CACHE/gomod" GOCACHE="$BENCH_CACHE/gocache" GOFLAGS=-mod=mod \
    GOTOOLCHAIN=local nice go build -trimpath \
    -ldflags "-s -w -X github.com/docker/compose/v5/internal.Version=$COMPOSE_V5_VERSION" \
    -o "$bin.tmp" ./cmd) >&2 || { rm -f "$bin.tmp"; return 1; }
  mv -f "$bin.tmp" "$bin" && echo "$bin"
}
