/* Joining the namespaces of another process (compose `pid: service:x`, `ipc: container:x`,
 * `network_mode: service:x`...). Config entries `ns-join <type>\0<path>`, type one of pid, ipc,
 * uts, net. A pid namespace is entered by the monitor before it clones the init, because
 * setns(CLONE_NEWPID) only moves the caller's future children (pid_namespaces(7)); the others by
 * the init itself, between clone and exec. */
#include "jcshim.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>

static const struct {
  const char *name;
  int flag;
} NS_TYPES[] = {{"pid", CLONE_NEWPID}, {"ipc", CLONE_NEWIPC}, {"uts", CLONE_NEWUTS}, {"net", CLONE_NEWNET}};

static int ns_flag(const char *type) {
  for (size_t i = 0; i < sizeof NS_TYPES / sizeof NS_TYPES[0]; i++)
    if (strcmp(type, NS_TYPES[i].name) == 0) return NS_TYPES[i].flag;
  return 0;
}

static int join_one(const char *type, const char *path, struct shim_err *err) {
  int flag = ns_flag(type);
  if (flag == 0) return fail(err, EINVAL, "unknown namespace type %s", type);
  cleanup_fd int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail_errno(err, "open %s namespace %s", type, path);
  /* the flag makes the kernel check that the file is a namespace of that type */
  if (setns(fd, flag) < 0) return fail_errno(err, "join %s namespace %s", type, path);
  return 0;
}

/* Joins every listed namespace whose type is (pid_only) or is not (!pid_only) "pid". */
int join_namespaces(const struct shim_config *cfg, int pid_only, struct shim_err *err) {
  size_t pos = 0;
  const struct cfg_entry *e;
  while ((e = cfg_next(cfg, "ns-join", &pos)) != NULL) {
    const char *f[2];
    if (cfg_fields(e, f, 2) != 2) return fail(err, EINVAL, "ns-join entry needs 2 fields");
    if ((strcmp(f[0], "pid") == 0) != (pid_only != 0)) continue;
    if (join_one(f[0], f[1], err) < 0) return -1;
  }
  return 0;
}
