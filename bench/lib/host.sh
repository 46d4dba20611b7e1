# Shared by the bench scripts (source it). Snapshot the host footprint that container engines
# leave behind, and undo what appeared since a snapshot. Used by compare.sh around dockerd and
# podman, which create bridges, iptables chains, cgroups and state directories of their own.
# Never touches jcompose's own resources (interfaces jc*, the nftables table "jcompose",
# cgroups "jcompose"): other engines on the host may hold those legitimately.

# Paths docker/containerd/podman/netavark may create outside the data roots we give them.
HOST_PATHS=(/etc/docker/key.json /run/docker /var/run/docker.sock /run/containerd /var/lib/containerd
  /var/lib/docker /run/containers /run/libpod /var/lib/containers /etc/containers/networks
  /var/lib/cni /run/cni /etc/cni/net.d/87-podman-bridge.conflist /run/crun /run/runc)
HOST_SYSCTLS=(net.ipv4.ip_forward net.ipv6.conf.all.forwarding net.bridge.bridge-nf-call-iptables
  net.bridge.bridge-nf-call-ip6tables net.bridge.bridge-nf-call-arptables)

# nft ruleset without jcompose's tables (other engines change those at any time) and without
# empty tables: iptables-nft creates its tables (filter, nat) empty when it only lists them, which
# is no difference a user could see
host_nft() {
  local fam name text
  nft list tables 2>/dev/null | while read -r _ fam name; do
    case "$name" in jcompose*) continue ;; esac
    text=$(nft list table "$fam" "$name" 2>/dev/null)
    echo "$text" | grep -qE '^[[:space:]]*(chain|set|map|flowtable) ' && echo "$text"
  done
  return 0
}
host_links() { ip -o link show 2>/dev/null | awk -F': ' '{print $2}' | cut -d@ -f1 | grep -v '^jc' | sort; }
host_cgroups() {
  local d
  for d in /sys/fs/cgroup/*/ /sys/fs/cgroup/unified/; do
    [ -d "$d" ] && find "$d" -mindepth 1 -maxdepth 1 -type d ! -name jcompose 2>/dev/null
  done | sort
}
host_paths() { local p; for p in "${HOST_PATHS[@]}"; do [ -e "$p" ] && echo "$p"; done; }
host_sysctls() { local s; for s in "${HOST_SYSCTLS[@]}"; do echo "$s=$(sysctl -n "$s" 2>/dev/null)"; done; }
host_netns() { ls /run/netns 2>/dev/null | grep -v '^jc' | sort; }
host_policies() {
  local cmd t
  for cmd in iptables ip6tables; do
    command -v "$cmd" >/dev/null 2>&1 || continue
    for t in filter nat; do "$cmd" -w 5 -t "$t" -S 2>/dev/null | awk -v c="$cmd" -v t="$t" '$1 == "-P" {print c, t, $2, $3}'; done
  done
}
host_mounts() { awk '{print $2}' /proc/self/mounts | grep -E '^/tmp/jcompose-test-bench-(docker|podman)|^/run/netns/|^/run/docker|^/run/containers|^/run/containerd' | sort; }

# host_snapshot DIR: write every view into DIR
host_snapshot() {
  mkdir -p "$1"
  host_nft > "$1/nft"; host_links > "$1/links"; host_cgroups > "$1/cgroups"; host_paths > "$1/paths"
  host_sysctls > "$1/sysctls"; host_netns > "$1/netns"; host_mounts > "$1/mounts"
  host_policies > "$1/policies"
}

# host_diff BEFORE AFTER: print differences, exit 1 if any
host_diff() {
  local f rc=0
  for f in nft links cgroups paths sysctls netns mounts policies; do
    if ! diff -q "$1/$f" "$2/$f" >/dev/null 2>&1; then
      echo "host differs in $f:"; diff "$1/$f" "$2/$f" | sed 's/^/    /'; rc=1
    fi
  done
  return $rc
}

# iptables chains made by docker, CNI and netavark (policy changes are undone from the snapshot)
_host_chain_re='^(DOCKER|NETAVARK|CNI-|PODMAN)'
host_iptables_clean() {
  local cmd t line chain
  for cmd in iptables ip6tables; do
    command -v "$cmd-save" >/dev/null 2>&1 || continue
    for t in filter nat mangle raw; do
      # rules jumping to, or living in, our chains: delete in reverse order of listing
      "$cmd-save" -t "$t" 2>/dev/null | grep '^-A ' | tac | while read -r line; do
        chain=$(echo "$line" | awk '{print $2}')
        if [[ "$chain" =~ $_host_chain_re ]] || [[ "$line" =~ -j\ (DOCKER|NETAVARK|CNI-|PODMAN) ]]; then
          eval "$cmd -w 5 -t $t -D ${line#-A }" 2>/dev/null || true
        fi
      done
      "$cmd-save" -t "$t" 2>/dev/null | sed -n 's/^:\([^ ]*\) .*/\1/p' | while read -r chain; do
        [[ "$chain" =~ $_host_chain_re ]] || continue
        "$cmd" -w 5 -t "$t" -F "$chain" 2>/dev/null || true
        "$cmd" -w 5 -t "$t" -X "$chain" 2>/dev/null || true
      done
    done
  done
}

# host_restore BEFORE: undo what appeared since the snapshot in BEFORE (never jcompose's things)
host_restore() {
  local before=$1 l n p c s v cmd t chain
  # mounts first (netns files, overlay/shm mounts left under the engines' roots)
  for p in $(host_mounts | sort -r); do grep -qxF "$p" "$before/mounts" || umount -l "$p" 2>/dev/null || true; done
  for n in $(host_netns); do grep -qxF "$n" "$before/netns" || ip netns delete "$n" 2>/dev/null || true; done
  for l in $(host_links); do
    grep -qxF "$l" "$before/links" && continue
    case "$l" in docker0|br-*|veth*|podman*|cni-podman*) ip link delete "$l" 2>/dev/null || true ;; esac
  done
  host_iptables_clean
  # built-in chain policies docker may have changed (FORWARD DROP)
  while read -r cmd t chain v; do
    [ "$("$cmd" -w 5 -t "$t" -S "$chain" 2>/dev/null | awk 'NR==1 {print $3}')" = "$v" ] || "$cmd" -w 5 -t "$t" -P "$chain" "$v" 2>/dev/null || true
  done < "$before/policies"
  for c in $(host_cgroups); do
    grep -qxF "$c" "$before/cgroups" && continue
    find "$c" -depth -type d -exec rmdir {} + 2>/dev/null || true
  done
  for p in $(host_paths); do grep -qxF "$p" "$before/paths" || rm -rf "$p"; done
  while IFS='=' read -r s v; do
    [ -n "$v" ] && [ "$(sysctl -n "$s" 2>/dev/null)" != "$v" ] && sysctl -q -w "$s=$v" >/dev/null 2>&1
  done < "$before/sysctls"
  return 0
}
