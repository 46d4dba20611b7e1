#!/usr/bin/env bash
# The same workloads with jcompose and, when installed, docker compose v5 and docker-compose v1
# (both against a dockerd this script starts) and podman-compose (+ podman), one tool after the
# other, RUNS times each; prints medians and ratios (other tool / jcompose: above 1 means jcompose
# is faster or smaller, except for rows marked "higher=better", where above 1 means the other tool
# is better).
#   0. the CLI alone: `ps` of the running N-service stack, `config -q` of examples/web-db, `logs
#      --tail 10` and `exec -T s1 true`, CLI_RUNS times (hyperfine when installed), and the JVM
#      floor: `java` with an empty main and the same JDK and flags the launcher uses
#   1. web-db: `up -d` of examples/web-db until the first HTTP 200 on its published port (images
#      pulled and the db volume initialised by a warm-up, `down` without -v between runs)
#   2. `up -d` and `down` of N trivial busybox services (bench/lib/stack.sh)
#   3. `run --rm --no-deps -T s1 true` while they run
#   4. memory while they run: the engine side (jcompose engine + its jcshim processes; dockerd +
#      containerd + containerd-shim processes; podman's conmon processes + aardvark-dns) before
#      the stack is up, with it up, the difference per container, and the per-container helper
#      process alone (jcshim / containerd-shim / conmon)
#   5. DNS: one `exec` running busybox `nslookup` of another service LOOKUPS times, timed inside
#      the container, per lookup; and the resolver as a server: dnsperf (when installed) run in the
#      container's network namespace against the nameserver of its resolv.conf, one query
#      outstanding for the latency (p50/p99) and 100 for the queries per second
#   7. `up -d` and `down` of N_BIG (100) services, RUNS_BIG (3) times: how cost grows with the stack
#   6. logs: the time of `logs --no-color` of a container that printed LINES lines
#   8. log write, last, with every tool's backend up at once: MB/s a container writes to stdout
#      through the runtime's logging (`yes | head -c`, timed inside the container, read back from
#      the end of its log once it has exited), the tools alternating run by run (jcompose, v5,
#      v1, podman, jcompose, ...) so that each meets the same moments and loads
# The script measures whatever is installed; INSTALL=1 first installs the Debian packages of the
# others (docker.io docker-compose podman podman-compose aardvark-dns, no daemon started: see
# install_peers). docker compose v5 is built from the Go module proxy (bench/lib/compose-v5.sh). dockerd runs with its own data,
# exec root and socket under /tmp/jcompose-test-bench-docker, no iptables, cgroupfs; podman with
# its own storage, config and network dirs under /tmp/jcompose-test-bench-podman. Afterwards the
# host is put back as it was (processes stopped by PID, mounts, bridges, veths, netns, iptables
# chains, cgroups, state dirs, sysctls; compared with a snapshot taken first) and leakcheck runs.
# Needs root, the local registry on 127.0.0.1:5000 with library/busybox (and postgres:15,
# redis:7, python:3.11-slim for web-db) — scripts/registry.sh, scripts/build-test-images.sh.
# Env: RUNS (5), N (20), N_BIG (100), RUNS_BIG (3), CLI_RUNS (20), LOOKUPS (500), DNSPERF_S (3),
# LOG_MB (200), LINES (1000000), TOOLS ("jcompose dockerv5 docker podman"), WEBDB_WAIT (seconds
# to wait for examples/web-db to appear, 0), TIMEOUT (300, per command), INSTALL (0; 1 installs
# first, "only" installs and stops), ONLY (the workloads to run, of "floor stack big dns logs
# webdb log-write"; all when empty: `ONLY=log-write` measures that row alone).
# Usage: bench/compare.sh   (from anywhere)
set -uo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
# shellcheck source=lib/stack.sh
. "$here/bench/lib/stack.sh"
# shellcheck source=lib/host.sh
. "$here/bench/lib/host.sh"
# shellcheck source=lib/compose-v5.sh
. "$here/bench/lib/compose-v5.sh"

RUNS=${RUNS:-5}
N=${N:-20}
N_BIG=${N_BIG:-100}
RUNS_BIG=${RUNS_BIG:-3}
CLI_RUNS=${CLI_RUNS:-20}
DNSPERF_S=${DNSPERF_S:-3}
INSTALL=${INSTALL:-0}
LOOKUPS=${LOOKUPS:-500}
LOG_MB=${LOG_MB:-200}
LINES=${LINES:-1000000}
TOOLS=${TOOLS:-jcompose dockerv5 docker podman}
WEBDB_WAIT=${WEBDB_WAIT:-0}
ONLY=${ONLY:-}
TIMEOUT=${TIMEOUT:-300}
MIRROR=${JCOMPOSE_REGISTRY_MIRRORS:-http://${JCOMPOSE_TEST_REGISTRY:-127.0.0.1:5000}}
J=/tmp/jcompose-test-bench-cmp
D=/tmp/jcompose-test-bench-docker
P=/tmp/jcompose-test-bench-podman
work=$(mktemp -d /tmp/jcompose-test-bench-cmpwork.XXXXXX)
webdb="$here/examples/web-db"

log() { echo "compare: $*" >&2; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk 'NF {a[++n]=$1} END {if (n == 0) print "-"; else print (n%2 ? a[(n+1)/2] : (a[n/2]+a[n/2+1])/2)}'; }
rss_kb() { awk '/^VmRSS/ {print $2; f=1} END {if (!f) print 0}' "/proc/$1/status" 2>/dev/null || echo 0; }
# pids_with STRING [COMM]: live processes whose command line contains STRING (and comm is COMM)
pids_with() {
  local f pid
  for f in /proc/[0-9]*/cmdline; do
    pid=${f#/proc/}; pid=${pid%/cmdline}
    [ "$pid" = $$ ] || [ "$pid" = "$BASHPID" ] && continue
    [ -n "${2:-}" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" != "$2" ] && continue
    grep -qsF -- "$1" "$f" 2>/dev/null || continue
    [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" = Z ] && continue
    echo "$pid"
  done
}
sum_rss() { local t=0 p; for p in "$@"; do t=$((t + $(rss_kb "$p"))); done; echo $t; }
# stop_pid PID [SECONDS]: TERM, then KILL after SECONDS (10); only the given PID
stop_pid() {
  local pid=$1 i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null
  for i in $(seq 1 $(( ${2:-10} * 5 ))); do
    kill -0 "$pid" 2>/dev/null || return 0
    [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" = Z ] && return 0
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null || true
}
umount_under() { local m; for m in $(awk '{print $2}' /proc/self/mounts | grep "^$1/" | sort -r); do umount -l "$m" 2>/dev/null; done; }

# --- results -----------------------------------------------------------------------------------
declare -A R
ROWS=()
row() { ROWS+=("$1"); }
put() { R["$1|$2"]=$3; }

# --- tools -------------------------------------------------------------------------------------
# C TOOL ARGS...: the tool's compose command with a time limit
C() {
  local t=$1; shift
  case $t in
    jcompose) timeout "$TIMEOUT" "$here/jcompose" "$@" ;;
    dockerv5) timeout "$TIMEOUT" "$V5" "$@" ;;
    docker) timeout "$TIMEOUT" docker-compose "$@" ;;
    podman) timeout "$TIMEOUT" podman-compose "$@" ;;
  esac
}
# the command line C runs, as words (for hyperfine, which runs it without a shell)
cmdline() {
  case $1 in
    jcompose) echo "$here/jcompose" ;;
    dockerv5) echo "$V5" ;;
    docker) command -v docker-compose ;;
    podman) command -v podman-compose ;;
  esac
}
cname() { case $1 in jcompose|dockerv5) echo "$2-$3-1" ;; *) echo "${2}_${3}_1" ;; esac; }
# wait_exit TOOL PROJECT SERVICE: block until the service's container has exited
wait_exit() {
  local n; n=$(cname "$@")
  case $1 in
    jcompose) curl -sS --max-time "$TIMEOUT" --unix-socket "$J/run/engine.sock" "http://x/v1/containers/$n/wait" | grep -q '"done":true' ;;
    docker|dockerv5) timeout "$TIMEOUT" /usr/bin/docker wait "$n" >/dev/null ;;
    podman) timeout "$TIMEOUT" podman wait "$n" >/dev/null ;;
  esac
}
installed() {
  case $1 in
    jcompose) return 0 ;;
    docker) command -v docker-compose >/dev/null && command -v dockerd >/dev/null && [ -x /usr/bin/docker ] ;;
    dockerv5) command -v dockerd >/dev/null && [ -x /usr/bin/docker ] && V5=$(compose_v5) ;;
    podman) command -v podman-compose >/dev/null && command -v podman >/dev/null ;;
  esac
}
version() {
  case $1 in
    jcompose) C jcompose version --short 2>/dev/null ;;
    docker) echo "docker-compose $(docker-compose version --short 2>/dev/null), dockerd $(timeout 10 /usr/bin/docker version --format '{{.Server.Version}}' 2>/dev/null)" ;;
    dockerv5) echo "docker compose $("$V5" version --short 2>/dev/null) (standalone binary), dockerd $(timeout 10 /usr/bin/docker version --format '{{.Server.Version}}' 2>/dev/null)" ;;
    podman) echo "podman-compose $(podman-compose version 2>/dev/null | awk '/podman-compose/ {print $NF; exit}'), podman $(podman --version | awk '{print $NF}')" ;;
  esac
}
# engine-side RSS in KiB, the number of per-container helper processes and their RSS in KiB
# (jcshim, containerd-shim, conmon): echo "kb count helper_kb"
infra() {
  local pids=() helpers=()
  case $1 in
    jcompose) pids=("$(cat "$J/run/engine.pid" 2>/dev/null)"); mapfile -t helpers < <(pids_with "$J/run/containers/") ;;
    docker|dockerv5) pids=("$dockerd_pid" "$containerd_pid"); mapfile -t helpers < <(pids_with "$D/exec/containerd/" containerd-shim) ;;
    podman) mapfile -t pids < <(pids_with /aardvark-dns aardvark-dns | grep -vxF -f "$P.aardvark-before" 2>/dev/null)
            mapfile -t helpers < <(pids_with "$P/" conmon) ;;
  esac
  local h; h=$(sum_rss "${helpers[@]}")
  echo "$(( $(sum_rss "${pids[@]}") + h )) ${#helpers[@]} $h"
}

jcompose_start() {
  rm -rf "$J"; mkdir -p "$J"
  export JCOMPOSE_DATA_ROOT=$J/data JCOMPOSE_RUN_ROOT=$J/run JCOMPOSE_REGISTRY_MIRRORS=$MIRROR
  # build if stale, then pin the jar: a rebuild by someone else mid-run changes nothing here,
  # and no staleness scan of the checkout is timed (as with an installed copy)
  JCOMPOSE_JAR= "$here/jcompose" version --short >/dev/null || return 1
  # jcompose.jar names jcompose-lib.jar (runtime, engine libraries) beside it in its manifest
  cp "$here/compose-cli/target/jcompose.jar" "$here/compose-cli/target/jcompose-lib.jar" "$J/"
  # the launcher runs the pinned jar as an installed copy: its AOT cache (JDK >= 25) or CDS
  # archive is made next to it by the first command here, untimed
  export JCOMPOSE_JAR=$J/jcompose.jar
  "$here/jcompose" version --short >/dev/null
}
jcompose_stop() {
  local p
  C jcompose engine stop >/dev/null 2>&1
  for p in $(pids_with "$J/run/containers/"); do stop_pid "$p" 5; done
  umount_under "$J"; rm -rf "$J"
  unset JCOMPOSE_JAR
}

dockerd_pid=""; containerd_pid=""
docker_start() {
  local i
  rm -rf "$D"; mkdir -p "$D"
  echo '{}' > "$D/daemon.json"
  export DOCKER_HOST="unix://$D/docker.sock" COMPOSE_HTTP_TIMEOUT=$TIMEOUT
  # no iptables (docker would set FORWARD to DROP and add its chains), no docker0, cgroupfs
  setsid dockerd --config-file "$D/daemon.json" --data-root "$D/data" --exec-root "$D/exec" \
    --pidfile "$D/dockerd.pid" -H "$DOCKER_HOST" --registry-mirror "$MIRROR" \
    --iptables=false --ip6tables=false --bridge=none --exec-opt native.cgroupdriver=cgroupfs \
    > "$D/dockerd.log" 2>&1 < /dev/null &
  dockerd_pid=$!
  for i in $(seq 1 150); do
    curl -fsS --max-time 2 --unix-socket "$D/docker.sock" http://x/_ping >/dev/null 2>&1 && break
    kill -0 "$dockerd_pid" 2>/dev/null || break
    sleep 0.2
  done
  [ -f "$D/dockerd.pid" ] && dockerd_pid=$(cat "$D/dockerd.pid")
  containerd_pid=$(pgrep -P "$dockerd_pid" -x containerd | head -1)
  curl -fsS --max-time 2 --unix-socket "$D/docker.sock" http://x/_ping >/dev/null 2>&1 || { log "dockerd did not start:"; tail -5 "$D/dockerd.log" >&2; return 1; }
}
docker_stop() {
  local p ids
  if [ -n "$dockerd_pid" ] && kill -0 "$dockerd_pid" 2>/dev/null; then
    ids=$(timeout 30 /usr/bin/docker ps -aq 2>/dev/null)
    [ -n "$ids" ] && timeout 120 /usr/bin/docker rm -f $ids >/dev/null 2>&1
    timeout 30 /usr/bin/docker network prune -f >/dev/null 2>&1
    stop_pid "$dockerd_pid" 30
  fi
  stop_pid "$containerd_pid" 15
  for p in $(pids_with "$D/exec/containerd/" containerd-shim); do stop_pid "$p" 5; done
  for p in $(pids_with "$D/" docker-proxy); do stop_pid "$p" 5; done
  dockerd_pid=""; containerd_pid=""
  umount_under "$D"; rm -rf "$D"
}

dockerv5_start() { docker_start; }
dockerv5_stop() { docker_stop; }

podman_start() {
  rm -rf "$P"; mkdir -p "$P/tmp" "$P/networks"
  pids_with /aardvark-dns aardvark-dns > "$P.aardvark-before"
  export CONTAINERS_CONF=$P/containers.conf CONTAINERS_STORAGE_CONF=$P/storage.conf CONTAINERS_REGISTRIES_CONF=$P/registries.conf
  printf '[storage]\ndriver = "overlay"\ngraphroot = "%s/root"\nrunroot = "%s/runroot"\n' "$P" "$P" > "$CONTAINERS_STORAGE_CONF"
  # no systemd here: cgroupfs and a file for events; k8s-file logs (docker's json-file analogue);
  # ulimits below this host's hard limits (podman's defaults exceed them: runc fails with EPERM)
  cat > "$CONTAINERS_CONF" <<EOF
[containers]
log_driver = "k8s-file"
default_ulimits = ["nofile=16384:16384", "nproc=32768:32768"]
[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$P/events.log"
tmp_dir = "$P/tmp"
[network]
network_backend = "netavark"
network_config_dir = "$P/networks"
EOF
  local hub=docker.io
  printf 'unqualified-search-registries = ["%s"]\n[[registry]]\nprefix = "%s"\nlocation = "%s"\n[[registry.mirror]]\nlocation = "%s"\ninsecure = true\n' \
    "$hub" "$hub" "$hub" "${MIRROR#http://}" > "$CONTAINERS_REGISTRIES_CONF"
}
podman_stop() {
  local p n
  if [ -f "$P/storage.conf" ]; then
    timeout 120 podman rm -af -t 0 >/dev/null 2>&1
    timeout 30 podman pod rm -af >/dev/null 2>&1
    for n in $(timeout 30 podman network ls --format '{{.Name}}' 2>/dev/null); do
      [ "$n" = podman ] || timeout 30 podman network rm -f "$n" >/dev/null 2>&1
    done
  fi
  for p in $(pids_with "$P/" conmon); do stop_pid "$p" 5; done
  # aardvark-dns (podman's DNS, started by netavark): stop those that were not running before
  for p in $(pids_with /aardvark-dns aardvark-dns); do
    grep -qxF "$p" "$P.aardvark-before" 2>/dev/null || stop_pid "$p" 5
  done
  rm -f "$P.aardvark-before"
  umount_under "$P"; rm -rf "$P"
}

# --- workloads ---------------------------------------------------------------------------------
# timed TOOL ARGS...: run C, print elapsed ms, or "fail" (its output goes to $work/last.log)
timed() {
  local t0 rc
  t0=$(now_ms)
  C "$@" > "$work/last.log" 2>&1 < /dev/null; rc=$?
  if [ $rc -ne 0 ]; then echo fail; log "$1: '${*:2}' failed ($rc):"; tail -n 5 "$work/last.log" | sed 's/^/    /' >&2; return 1; fi
  echo $(( $(now_ms) - t0 ))
}
down_args() { case $1 in podman) echo down ;; *) echo down -t 1 ;; esac; }
# med_ms CMD...: median wall time in ms of CLI_RUNS runs of a command line (hyperfine if installed,
# 3 warm-ups, no shell in between; else a loop); "fail" if it fails
med_ms() {
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N -w 3 -r "$CLI_RUNS" --export-json "$work/hf.json" "$*" >/dev/null 2>"$work/hf.err" ||
      { echo fail; log "'$*' failed: $(tail -n 2 "$work/hf.err" | tr '\n' ' ')"; return 1; }
    python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$work/hf.json"
  else
    local i t0 all=()
    for i in $(seq 1 $((CLI_RUNS + 3))); do
      t0=$(now_ms); "$@" >/dev/null 2>&1 </dev/null || { echo fail; return 1; }
      [ "$i" -gt 3 ] && all+=($(( $(now_ms) - t0 )))
    done
    printf '%s\n' "${all[@]}" | median
  fi
}
# the JVM floor: java with an empty main, the JDK and flags the launcher uses
jvm_floor() {
  local java_and_flags javac
  java_and_flags=$(JCOMPOSE_PRINT_JAVA=1 "$here/jcompose") || return
  javac="$(dirname "$(readlink -f "$(command -v "${java_and_flags%% *}")")")/javac"
  mkdir -p "$work/floor"
  echo 'public class Empty { public static void main(String[] a) {} }' > "$work/floor/Empty.java"
  "$javac" -d "$work/floor" "$work/floor/Empty.java" || return
  # shellcheck disable=SC2086
  put "JVM floor: java, empty main (ms)" jcompose "$(med_ms $java_and_flags -cp "$work/floor" Empty)"
}
# wl_cli TOOL PROJECT FILE: the CLI rows, with the stack in FILE running
wl_cli() {
  local t=$1 p=$2 f=$3 cmd
  cmd=$(cmdline "$t")
  # shellcheck disable=SC2086
  put "ps, $N running (ms)" "$t" "$(med_ms $cmd -p "$p" -f "$f" ps)"
  put "logs --tail 10 (ms)" "$t" "$(med_ms $cmd -p "$p" -f "$f" logs $(nocolor "$t") --tail 10 s1)"
  put "exec -T s1 true (ms)" "$t" "$(med_ms $cmd -p "$p" -f "$f" exec -T s1 true)"
  # podman-compose 1.0.3 has no config verb; docker-compose v1 reads the file without what its
  # schema lacks
  if [ -f "$webdb/compose.yaml" ] && [ "$t" != podman ]; then
    local wf=(-f "$webdb/compose.yaml")
    [ "$t" = docker ] && wf=(-f "$(webdb_for_docker)" --project-directory "$webdb")
    put "config -q, web-db (ms)" "$t" "$(cd "$webdb" && med_ms $cmd "${wf[@]}" config -q)"
  fi
}
# webdb_for_docker: the example without what docker-compose v1's schema rejects (develop,
# healthcheck.start_interval, which dockerd 20.10 lacks too); prints the copy's path. Paths in it
# stay relative to the example through --project-directory or the caller's cd.
webdb_for_docker() {
  mkdir -p "$work/web-db"
  awk '/^    develop:/ { skip = 1; next }
       skip && /^([^ ]|  [^ ]|    [^ ])/ { skip = 0 }
       !skip && !/^ *start_interval:/' "$webdb/compose.yaml" > "$work/web-db/compose.yaml"
  echo "$work/web-db/compose.yaml"
}
nocolor() { [ "$1" = podman ] || echo --no-color; }  # podman-compose 1.0.3's logs has no --no-color

wl_stack() {
  local t=$1 d="$work/stack" r v ups=() downs=() runs=() idle busy n hkb
  mkdir -p "$d"; bench_stack_yaml "$N" > "$d/compose.yaml"; cd "$d" || return
  local c=(-p cmpstack -f "$d/compose.yaml")
  C "$t" "${c[@]}" pull > "$work/last.log" 2>&1 || { log "$t: pull failed"; tail -3 "$work/last.log" >&2; return; }
  # warm-up: engine started, image cached, first network made once
  C "$t" "${c[@]}" up -d >/dev/null 2>&1; C "$t" "${c[@]}" $(down_args "$t") >/dev/null 2>&1
  read -r idle _ < <(infra "$t")
  for r in $(seq 1 "$RUNS"); do
    v=$(timed "$t" "${c[@]}" up -d) && ups+=("$v")
    if [ "$r" = 1 ]; then sleep 1; read -r busy n hkb < <(infra "$t"); wl_cli "$t" cmpstack "$d/compose.yaml"; fi
    v=$(timed "$t" "${c[@]}" run --rm --no-deps -T s1 true) && runs+=("$v")
    v=$(timed "$t" "${c[@]}" $(down_args "$t")) && downs+=("$v")
  done
  put "up -d, $N services (ms)" "$t" "$(printf '%s\n' "${ups[@]}" | median)"
  put "down, $N services (ms)" "$t" "$(printf '%s\n' "${downs[@]}" | median)"
  put "run --rm s1 true (ms)" "$t" "$(printf '%s\n' "${runs[@]}" | median)"
  put "engine RSS idle (MiB)" "$t" "$(awk -v k="$idle" 'BEGIN {printf "%.1f", k/1024}')"
  put "engine RSS, $N running (MiB)" "$t" "$(awk -v k="$busy" 'BEGIN {printf "%.1f", k/1024}')"
  put "RSS per container (KiB)" "$t" "$(( (busy - idle) / N ))"
  put "shim RSS per container (KiB)" "$t" "$(( hkb / (n > 0 ? n : 1) ))"
  log "$t: $n per-container helper processes seen with $N services up"
}

wl_big() {
  local t=$1 d="$work/big" r v ups=() downs=()
  mkdir -p "$d"; bench_stack_yaml "$N_BIG" > "$d/compose.yaml"; cd "$d" || return
  local c=(-p cmpbig -f "$d/compose.yaml")
  for r in $(seq 1 "$RUNS_BIG"); do
    v=$(timed "$t" "${c[@]}" up -d) && ups+=("$v")
    v=$(timed "$t" "${c[@]}" $(down_args "$t")) && downs+=("$v")
  done
  put "up -d, $N_BIG services (ms)" "$t" "$(printf '%s\n' "${ups[@]}" | median)"
  put "down, $N_BIG services (ms)" "$t" "$(printf '%s\n' "${downs[@]}" | median)"
}

# dnsperf_rows TOOL PROJECT: the resolver s1 uses, as a server, from s1's network namespace
dnsperf_rows() {
  local t=$1 p=$2 pid ns out
  command -v dnsperf >/dev/null 2>&1 || { log "dnsperf not installed: no DNS server rows"; return; }
  C "$t" -p "$p" -f "$work/dns/compose.yaml" exec -d s1 sleep 31337 >/dev/null 2>&1
  sleep 0.5
  pid=$(pids_with 31337 sleep | head -1)
  ns=$(C "$t" -p "$p" -f "$work/dns/compose.yaml" exec -T s1 cat /etc/resolv.conf 2>/dev/null </dev/null | awk '$1 == "nameserver" {print $2; exit}')
  [ -n "$pid" ] && [ -n "$ns" ] || { log "$t: no process or nameserver for dnsperf (pid '$pid', ns '$ns')"; return; }
  printf 's2 A\n' > "$work/dns/queries"
  # latency: one query outstanding, every answer's time (dnsperf -v: "> NOERROR s2 A 0.000123")
  nsenter -t "$pid" -n timeout $((DNSPERF_S + 10)) dnsperf -s "$ns" -d "$work/dns/queries" -l "$DNSPERF_S" -q 1 -v > "$work/dns/lat" 2>&1
  out=$(awk '$1 == ">" && $2 == "NOERROR" {print $NF * 1000000}' "$work/dns/lat" | sort -n |
    awk '{a[NR]=$1} END {p = int(NR * 0.99); if (p < 1) p = 1; if (NR) printf "%d %d %d", a[int((NR+1)/2)], a[p], NR}')
  if [ -n "$out" ]; then
    put "DNS server p50 (us)" "$t" "${out%% *}"
    out=${out#* }; put "DNS server p99 (us)" "$t" "${out%% *}"
  else
    log "$t: dnsperf latency run gave no answers:"; tail -n 5 "$work/dns/lat" >&2
  fi
  # throughput: 100 outstanding
  nsenter -t "$pid" -n timeout $((DNSPERF_S + 10)) dnsperf -s "$ns" -d "$work/dns/queries" -l "$DNSPERF_S" -q 100 > "$work/dns/qps" 2>&1
  put "DNS server qps (higher=better)" "$t" "$(awk '/Queries per second/ {printf "%d", $4}' "$work/dns/qps")"
  log "$t: dnsperf against $ns: $(grep -E 'Queries (completed|lost)' "$work/dns/qps" | tr -s ' ' | tr '\n' ' ')"
  stop_pid "$pid" 2
}

wl_dns() {
  local t=$1 d="$work/dns" r i v per=() loop
  mkdir -p "$d"; bench_stack_yaml 2 > "$d/compose.yaml"; cd "$d" || return
  local c=(-p cmpdns -f "$d/compose.yaml")
  C "$t" "${c[@]}" up -d > "$work/last.log" 2>&1 || { log "$t: dns stack failed"; tail -3 "$work/last.log" >&2; return; }
  for i in $(seq 1 50); do C "$t" "${c[@]}" exec -T s1 nslookup s2 >/dev/null 2>&1 && break; sleep 0.2; done
  # timed inside the container (busybox time, 10 ms resolution), so exec's own cost is left out
  loop="i=0; while [ \$i -lt $LOOKUPS ]; do nslookup s2 >/dev/null || exit 1; i=\$((i+1)); done"
  for r in $(seq 1 "$RUNS"); do
    v=$(C "$t" "${c[@]}" exec -T s1 time -p sh -c "$loop" 2>&1 < /dev/null) && v=$(echo "$v" | awk '$1 == "real" {print $2}') || v=""
    [ -n "$v" ] && per+=("$(awk -v s="$v" -v n="$LOOKUPS" 'BEGIN {printf "%.2f", s * 1000 / n}')") || log "$t: nslookup loop failed"
  done
  dnsperf_rows "$t" cmpdns
  C "$t" "${c[@]}" $(down_args "$t") >/dev/null 2>&1
  put "DNS lookup (ms each)" "$t" "$(printf '%s\n' "${per[@]}" | median)"
}

# flood_once TOOL: one run of the log-write workload: prints the MB/s, or nothing (and why)
# 100-byte lines, timed inside the container (busybox time, 10 ms resolution: start-up and the
# compose tool's own pauses are left out); the timing goes to stdout after the data (stderr is
# another pipe, drained out of order), so it ends the log
flood_once() {
  local t=$1 v=""
  mkdir -p "$work/flood"
  printf 'services:\n  s:\n    image: busybox\n    command: ["sh", "-c", "time -p sh -c \x27yes %s | head -c %s\x27 2>&1"]\n' \
    "$(printf '%099d' 0 | tr 0 x)" "$((LOG_MB * 1000000))" > "$work/flood/compose.yaml"
  cd "$work/flood" || return
  if C "$t" -p cmpflood up -d >/dev/null 2>&1 && wait_exit "$t" cmpflood s; then
    C "$t" -p cmpflood logs $(nocolor "$t") --tail 5 s > "$work/tail.log" 2>&1
    v=$(sed -e 's/\x1b\[[0-9;]*m//g' -e 's/.*| *//' "$work/tail.log" | awk '$1 == "real" {print $2}' | tail -1)
  fi
  C "$t" -p cmpflood $(down_args "$t") >/dev/null 2>&1
  if [ -n "$v" ]; then awk -v s="$v" -v mb="$LOG_MB" 'BEGIN {printf "%.1f\n", mb / s}'
  else log "$t: log flood run gave no timing; end of its log:"; tail -n 5 "$work/tail.log" | cut -c1-200 >&2; fi
}

# wl_log_write TOOL...: the log-write row, the tools alternating run by run (jcompose, v5, podman,
# jcompose, ...) with every backend up at once, so that each tool's runs meet the same moments and
# loads. Run one tool after the other, minutes apart, the row compared the host's load more than
# the tools: 161 against podman's 250 MB/s in one such run, 185 against 136 alternating by hand
# on the same workload (session 5).
wl_log_write() {
  local r t v
  declare -A runs
  for r in $(seq 1 "$RUNS"); do
    for t in "$@"; do
      v=$(flood_once "$t")
      [ -n "$v" ] && runs[$t]+="$v "
      log "log write run $r, $t: ${v:-fail} MB/s (load $(cut -d' ' -f1 /proc/loadavg))"
    done
  done
  for t in "$@"; do
    # shellcheck disable=SC2086
    put "log write (MB/s, higher=better)" "$t" "$(printf '%s\n' ${runs[$t]:-} | median)"
  done
}

# wl_logs TOOL: `logs` of a container that printed LINES lines
wl_logs() {
  local t=$1 r v n reads=()
  mkdir -p "$work/lines"
  printf 'services:\n  s:\n    image: busybox\n    command: ["seq", "1", "%s"]\n' "$LINES" > "$work/lines/compose.yaml"
  cd "$work/lines" || return
  if C "$t" -p cmplines up -d >/dev/null 2>&1 && wait_exit "$t" cmplines s; then
    for r in $(seq 1 "$RUNS"); do
      v=$(now_ms)
      n=$(C "$t" -p cmplines logs $(nocolor "$t") s 2>/dev/null | wc -l)
      v=$(( $(now_ms) - v ))
      # docker-compose v1 and podman-compose print a header line or two; a short read is a failure
      if [ "$n" -ge "$LINES" ]; then reads+=("$v"); else log "$t: logs gave $n lines, not $LINES"; fi
    done
  fi
  C "$t" -p cmplines $(down_args "$t") >/dev/null 2>&1
  put "logs read, $LINES lines (ms)" "$t" "$(printf '%s\n' "${reads[@]}" | median)"
}

wl_webdb() {
  local t=$1 port r v t0 code warm=0 times=()
  port=$(( 18180 + $(echo "$TOOLS" | tr ' ' '\n' | grep -n -x "$t" | cut -d: -f1) ))
  # the example's .env for every tool alike (the shell's environment wins, as in compose)
  [ -f "$webdb/.env" ] && { set -a; . "$webdb/.env"; set +a; }
  export WEB_PORT=$port
  cd "$webdb" || return
  local c=(-p cmpweb -f "$webdb/compose.yaml")
  if [ "$t" = docker ] || [ "$t" = dockerv5 ]; then
    # both docker tools get the same file, without what v1 or dockerd 20.10 lacks
    c=(-p cmpweb -f "$(webdb_for_docker)" --project-directory "$webdb")
  elif [ "$t" = podman ]; then
    # podman-compose 1.0.3 lets the file's .env override the environment (WEB_PORT would stay
    # 8080) and has no --project-directory: a copy of the example whose .env has our port
    rm -rf "$work/web-db"; cp -r "$webdb" "$work/web-db"
    sed -i "s/^WEB_PORT=.*/WEB_PORT=$port/" "$work/web-db/.env"
    cd "$work/web-db" || return
    c=(-p cmpweb -f "$work/web-db/compose.yaml")
  fi
  # first200 DEADLINE_S: poll the page every 50 ms; prints ms since t0 or "fail"
  first200() {
    local end=$(( $(now_ms) + $1 * 1000 ))
    while [ "$(now_ms)" -lt "$end" ]; do
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/" 2>/dev/null)
      [ "$code" = 200 ] && { echo $(( $(now_ms) - t0 )); return 0; }
      sleep 0.05
    done
    echo fail; return 1
  }
  C "$t" "${c[@]}" pull > "$work/last.log" 2>&1 || { log "$t: web-db pull failed"; tail -3 "$work/last.log" >&2; }
  t0=$(now_ms)
  if C "$t" "${c[@]}" up -d > "$work/last.log" 2>&1 && first200 180 >/dev/null; then warm=1
  else log "$t: web-db warm-up never answered 200"; tail -5 "$work/last.log" >&2; C "$t" "${c[@]}" ps >&2 2>&1; fi
  C "$t" "${c[@]}" $(down_args "$t") >/dev/null 2>&1
  if [ $warm = 1 ]; then
    for r in $(seq 1 "$RUNS"); do
      t0=$(now_ms)
      C "$t" "${c[@]}" up -d > "$work/last.log" 2>&1 && v=$(first200 120) && times+=("$v")
      C "$t" "${c[@]}" $(down_args "$t") >/dev/null 2>&1
    done
  fi
  C "$t" "${c[@]}" down -v >/dev/null 2>&1
  [ "$t" = podman ] && timeout 30 podman volume prune -f >/dev/null 2>&1
  put "web-db up -d -> HTTP 200 (ms)" "$t" "$(printf '%s\n' "${times[@]}" | median)"
}

# install_peers: the Debian packages of the other tools, with no service started by their scripts
# (policy-rc.d 101, Debian's switch for that: dockerd would otherwise set up iptables and docker0
# on the host); the script's own dockerd runs with its own roots and no iptables.
install_peers() {
  local guard=/usr/sbin/policy-rc.d made=0
  if [ ! -e "$guard" ]; then printf '#!/bin/sh\nexit 101\n' > "$guard"; chmod 755 "$guard"; made=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    docker.io docker-compose podman podman-compose aardvark-dns dnsperf hyperfine >&2 || log "apt-get install failed"
  [ $made = 1 ] && rm -f "$guard"
  return 0
}

# --- run -----------------------------------------------------------------------------------------
[ "$(id -u)" = 0 ] || { echo "compare: needs root" >&2; exit 2; }
case $INSTALL in 1) install_peers ;; only) install_peers; rm -rf "$work"; exit 0 ;; esac
curl -fsS --max-time 3 -o /dev/null "$MIRROR/v2/" || { echo "compare: no registry at $MIRROR (scripts/registry.sh start)" >&2; exit 2; }
snap="$work/host"
host_snapshot "$snap/before"
active=""
finish() {
  trap - EXIT INT TERM HUP
  for t in $active; do "${t}_stop"; done
  host_restore "$snap/before"
  host_snapshot "$snap/after"
  if host_diff "$snap/before" "$snap/after" >&2; then log "host restored as found"; fi
  log "leakcheck: $("$here/scripts/leakcheck" | tr '\n' ' ')"
  rm -rf "$work"
}
trap finish EXIT
for sig in INT TERM HUP; do trap "log 'stopped by SIG$sig'; exit 130" "$sig"; done

if [ ! -f "$webdb/compose.yaml" ] && [ "$WEBDB_WAIT" -gt 0 ]; then
  log "waiting up to ${WEBDB_WAIT}s for $webdb/compose.yaml"
  for _ in $(seq 1 "$WEBDB_WAIT"); do [ -f "$webdb/compose.yaml" ] && break; sleep 1; done
fi
have_webdb=0; [ -f "$webdb/compose.yaml" ] && have_webdb=1
[ $have_webdb = 1 ] || log "no $webdb/compose.yaml: web-db not measured"

row "JVM floor: java, empty main (ms)"; row "ps, $N running (ms)"; row "config -q, web-db (ms)"
row "logs --tail 10 (ms)"; row "exec -T s1 true (ms)"
row "web-db up -d -> HTTP 200 (ms)"; row "up -d, $N services (ms)"; row "down, $N services (ms)"
row "up -d, $N_BIG services (ms)"; row "down, $N_BIG services (ms)"
row "run --rm s1 true (ms)"; row "engine RSS idle (MiB)"; row "engine RSS, $N running (MiB)"
row "RSS per container (KiB)"; row "shim RSS per container (KiB)"; row "DNS lookup (ms each)"
row "DNS server p50 (us)"; row "DNS server p99 (us)"; row "DNS server qps (higher=better)"; row "log write (MB/s, higher=better)"
row "logs read, $LINES lines (ms)"

# does ONLY name workload W?
only() { [ -z "$ONLY" ] || [[ " $ONLY " == *" $1 "* ]]; }
# the daemon a tool drives: docker compose v5 and docker-compose v1 share the script's dockerd
backend() { case $1 in dockerv5) echo docker ;; *) echo "$1" ;; esac; }

declare -A VERS
measured=()
for t in $TOOLS; do
  installed "$t" || { log "$t: not installed, not measured"; continue; }
  measured+=("$t")
  only floor || only stack || only big || only dns || only logs || only webdb || continue
  log "$t: starting ($(date +%T), load $(cut -d' ' -f1-3 /proc/loadavg))"
  active=$t
  "${t}_start" || { log "$t: could not start"; "${t}_stop"; active=""; continue; }
  VERS[$t]=$(version "$t")
  [ "$t" = jcompose ] && only floor && jvm_floor
  only stack && wl_stack "$t"
  only big && wl_big "$t"
  only dns && wl_dns "$t"
  only logs && wl_logs "$t"
  [ $have_webdb = 1 ] && only webdb && wl_webdb "$t"
  cd "$work" || true
  "${t}_stop"; active=""
  log "$t: done ($(date +%T))"
done

# the log-write row: every backend up at once, the tools alternating run by run (wl_log_write)
if only log-write && [ ${#measured[@]} -gt 0 ]; then
  writers=(); broken=""
  for t in "${measured[@]}"; do
    b=$(backend "$t")
    if [[ " $active " != *" $b "* ]]; then
      log "$b: starting for the log-write row ($(date +%T), load $(cut -d' ' -f1-3 /proc/loadavg))"
      active="$active $b"
      "${b}_start" || { log "$b: could not start"; broken="$broken $b"; }
    fi
    [[ " $broken " == *" $b "* ]] && continue
    writers+=("$t")
    [ -n "${VERS[$t]:-}" ] || VERS[$t]=$(version "$t")
  done
  [ ${#writers[@]} -gt 0 ] && wl_log_write "${writers[@]}"
  cd "$work" || true
  for b in $active; do "${b}_stop"; done
  active=""
  log "log write: done ($(date +%T))"
fi

# --- table ---------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a/b; else printf "-" }'; }
echo
echo "bench/compare.sh: RUNS=$RUNS medians (CLI rows: $CLI_RUNS runs), $(nproc) CPUs, $(date -u +%F), load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
for t in jcompose dockerv5 docker podman; do echo "  $t: ${VERS[$t]:-not installed}"; done
echo
printf '| %-34s | %9s | %10s | %10s | %10s | %8s | %8s | %8s |\n' workload jcompose "compose v5" "compose v1" "podman-c." "v5/jc" "v1/jc" "podman/jc"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..36})" "$(printf -- '-%.0s' {1..11})" "$(printf -- '-%.0s' {1..12})" "$(printf -- '-%.0s' {1..12})" "$(printf -- '-%.0s' {1..12})" "$(printf -- '-%.0s' {1..10})" "$(printf -- '-%.0s' {1..10})" "$(printf -- '-%.0s' {1..10})"
for w in "${ROWS[@]}"; do
  j=${R["$w|jcompose"]:--}; d5=${R["$w|dockerv5"]:--}; dk=${R["$w|docker"]:--}; pd=${R["$w|podman"]:--}
  printf '| %-34s | %9s | %10s | %10s | %10s | %8s | %8s | %8s |\n' "$w" "$j" "$d5" "$dk" "$pd" "$(ratio "$d5" "$j")" "$(ratio "$dk" "$j")" "$(ratio "$pd" "$j")"
done
