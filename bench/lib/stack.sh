# Shared by the bench scripts (source it). Compose files for trivial stacks.

# bench_stack_yaml N: a compose file with N busybox services s1..sN that sleep and exit 0 on
# SIGTERM like a well-behaved service (a bare sleep as pid 1 ignores it).
bench_stack_yaml() {
  local n=$1 i
  echo "services:"
  for i in $(seq 1 "$n"); do
    printf '  s%s:\n    image: busybox\n    command: ["sh", "-c", "trap \x27exit 0\x27 TERM; sleep 3600 & wait"]\n' "$i"
  done
}
