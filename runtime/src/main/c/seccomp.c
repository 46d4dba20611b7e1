/* Loads the seccomp filter Java compiled (config key `seccomp`: struct sock_filter instructions,
 * 8 bytes each, host byte order). No policy here: which syscalls pass is decided in Java
 * (dev.jcompose.runtime.seccomp); this file only hands the bytes to the kernel. */
#include "jcshim.h"

#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>

#define MAX_INSNS 4096 /* BPF_MAXINSNS */

static const struct cfg_entry *seccomp_entry(const struct shim_config *cfg) {
  size_t pos = 0;
  return cfg_next(cfg, "seccomp", &pos);
}

int load_seccomp(const struct shim_config *cfg, struct shim_err *err) {
  const struct cfg_entry *e = seccomp_entry(cfg);
  if (e == NULL) return 0;
  if (e->len == 0 || e->len % sizeof(struct sock_filter) != 0 || e->len / sizeof(struct sock_filter) > MAX_INSNS)
    return fail(err, EINVAL, "seccomp filter of %zu bytes is not a BPF program", e->len);
  struct sock_fprog prog = {.len = (unsigned short)(e->len / sizeof(struct sock_filter)), .filter = (struct sock_filter *)e->val};
  if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) < 0) return fail_errno(err, "load seccomp filter");
  return 0;
}
