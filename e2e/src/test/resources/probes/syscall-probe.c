/* Calls one syscall the way an attacker inside a container would and prints "<name>: ok" or
 * "<name>: <ERRNO>". Built static by the security tests and bound into a container. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static long call(const char *what) {
  if (strcmp(what, "keyctl") == 0) return syscall(SYS_keyctl, 1 /* KEYCTL_JOIN_SESSION_KEYRING */, 0L);
  if (strcmp(what, "unshare-user") == 0) return unshare(CLONE_NEWUSER);
  if (strcmp(what, "clone3") == 0) return syscall(SYS_clone3, NULL, 0L);
  if (strcmp(what, "bpf") == 0) {
    unsigned int attr[32] = {2 /* BPF_MAP_TYPE_ARRAY */, 4, 4, 1}; /* type, key, value size, entries */
    return syscall(SYS_bpf, 0 /* BPF_MAP_CREATE */, attr, sizeof attr);
  }
  if (strcmp(what, "getpid") == 0) return syscall(SYS_getpid);
  errno = EINVAL;
  return -1;
}

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    long r = call(argv[i]);
    const char *name = strerrorname_np(errno);
    printf("%s: %s\n", argv[i], r >= 0 ? "ok" : (name ? name : "?"));
  }
  return 0;
}
