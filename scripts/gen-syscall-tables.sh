#!/usr/bin/env bash
# Regenerates runtime/src/main/resources/seccomp/syscalls-<arch>.txt ("name number" lines), the
# syscall numbers the seccomp compiler resolves rule names with. Source: the build host's Linux uapi
# headers (linux-libc-dev), plus the syscalls added after the headers' version (Debian 12 ships
# 6.1), taken from the kernel's arch/x86/entry/syscalls/syscall_{64,32}.tbl and
# include/uapi/asm-generic/unistd.h up to Linux 6.18. Numbers are kernel ABI: they never change.
set -euo pipefail
out="$(dirname "$(readlink -f "$0")")/../runtime/src/main/resources/seccomp"
inc=/usr/include
asm="$inc/$(gcc -print-multiarch)/asm"
mkdir -p "$out"

# "name number" from every `#define __NR_<name> <expr>` the preprocessor resolves.
from_cpp() { # <defines...> -- <header>
  local defs=() ; while [ "$1" != "--" ]; do defs+=("$1"); shift; done; shift
  printf '#include <%s>\n' "$1" | cpp -dM "${defs[@]}" - | sed -n 's/^#define __NR_\([a-z0-9_]*\) .*/\1/p' | sort -u |
    while read -r name; do
      printf '#include <%s>\n%s __NR_%s\n' "$1" "$name" "$name" | cpp -P "${defs[@]}" - | tail -1
    done | awk 'NF==2 { printf "%s %d\n", $1, $2 }' | sed 's/ (/ /'
}

eval_x32() { # x32 numbers carry __X32_SYSCALL_BIT (0x40000000)
  sed -n 's/^#define __NR_\([a-z0-9_]*\) (__X32_SYSCALL_BIT + \([0-9]*\))$/\1 \2/p' "$asm/unistd_x32.h" |
    awk '{ printf "%s %d\n", $1, $2 + 1073741824 }'
}

plain() { sed -n 's/^#define __NR_\([a-z0-9_]*\) \([0-9]*\)$/\1 \2/p' "$1"; }

# Added after Linux 6.1 (name, number; "64" = only on 64-bit x86, "x86" = only on x86).
newer() {
  cat <<'TBL'
cachestat 451
fchmodat2 452
map_shadow_stack 453 64
futex_wake 454
futex_wait 455
futex_requeue 456
statmount 457
listmount 458
lsm_get_self_attr 459
lsm_set_self_attr 460
lsm_list_modules 461
mseal 462
setxattrat 463
getxattrat 464
listxattrat 465
removexattrat 466
open_tree_attr 467
file_getattr 468
file_setattr 469
uretprobe 335 x86-64
TBL
}

write() { # <file> <offset> <skip-tag>
  local file="$1" offset="$2" skip="$3"
  { cat; newer | awk -v off="$offset" -v skip="$skip" '$3 == "" || index(skip, $3) == 0 { printf "%s %d\n", $1, $2 + off }'; } |
    sort -t' ' -k2,2n -k1,1 | awk '!seen[$1]++' > "$out/$file"
}

plain "$asm/unistd_64.h" | write syscalls-x86_64.txt 0 "none"
plain "$asm/unistd_32.h" | write syscalls-x86.txt 0 "64 x86-64"
eval_x32 | write syscalls-x32.txt 1073741824 "64"
# aarch64 = the generic table with what arch/arm64/include/uapi/asm/unistd.h turns on
from_cpp -D__BITS_PER_LONG=64 -D__ARCH_WANT_RENAMEAT -D__ARCH_WANT_NEW_STAT -D__ARCH_WANT_SET_GET_RLIMIT \
  -D__ARCH_WANT_TIME32_SYSCALLS -D__ARCH_WANT_SYS_CLONE3 -D__ARCH_WANT_MEMFD_SECRET -- asm-generic/unistd.h |
  grep -v '^syscalls ' | write syscalls-aarch64.txt 0 "x86-64"
wc -l "$out"/syscalls-*.txt
