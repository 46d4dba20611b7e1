/* The last steps before execve, shared by the container init and exec: rlimits, cwd, user, groups,
 * capabilities, no_new_privs, seccomp, fd hygiene, PATH lookup. Order follows runc's
 * finalizeNamespace(): bounding set -> keepcaps -> groups/gid/uid -> capset -> ambient clear ->
 * no_new_privs; seccomp as in runc's standard_init_linux.go (see apply_identity). */
#include "jcshim.h"

#include <errno.h>
#include <grp.h>
#include <linux/capability.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define DEFAULT_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

/* Never asks for more than the current hard limit: raising it needs CAP_SYS_RESOURCE, which the
 * engine may not have (it does not here), and docker users expect a clamp, not a failed start. */
static int apply_rlimit(const char **f, struct shim_err *err) {
  int res = atoi(f[0]);
  struct rlimit cur, want;
  if (getrlimit(res, &cur) < 0) return fail_errno(err, "getrlimit %d", res);
  want.rlim_cur = (rlim_t)strtoull(f[1], NULL, 10);
  want.rlim_max = (rlim_t)strtoull(f[2], NULL, 10);
  if (want.rlim_max > cur.rlim_max) want.rlim_max = cur.rlim_max;
  if (want.rlim_cur > want.rlim_max) want.rlim_cur = want.rlim_max;
  if (setrlimit(res, &want) < 0) return fail_errno(err, "setrlimit %d", res);
  return 0;
}

int apply_rlimits(const struct shim_config *cfg, struct shim_err *err) {
  size_t pos = 0;
  const struct cfg_entry *e;
  while ((e = cfg_next(cfg, "rlimit", &pos)) != NULL) {
    const char *f[3];
    if (cfg_fields(e, f, 3) != 3) return fail(err, EINVAL, "rlimit entry needs 3 fields");
    if (apply_rlimit(f, err) < 0) return -1;
  }
  return 0;
}

static int mkdir_p(const char *path) {
  char buf[4096];
  snprintf(buf, sizeof buf, "%s", path);
  for (char *p = buf + 1; *p; p++) {
    if (*p != '/') continue;
    *p = '\0';
    if (mkdir(buf, 0755) < 0 && errno != EEXIST) return -1;
    *p = '/';
  }
  return (mkdir(buf, 0755) < 0 && errno != EEXIST) ? -1 : 0;
}

/* Runs after pivot_root, so plain paths cannot leave the container's root. */
int enter_cwd(const struct shim_config *cfg, struct shim_err *err) {
  const char *cwd = cfg_get(cfg, "cwd");
  if (cwd == NULL || cwd[0] == '\0') cwd = "/";
  if (mkdir_p(cwd) < 0) return fail_errno(err, "create working directory %s", cwd);
  if (chdir(cwd) < 0) return fail_errno(err, "chdir to working directory %s", cwd);
  return 0;
}

/* CVE-2024-21626: a leaked fd as cwd shows up as "(unreachable)/..." */
static int verify_cwd(struct shim_err *err) {
  char buf[4096];
  if (getcwd(buf, sizeof buf) == NULL) return fail_errno(err, "getcwd");
  if (buf[0] != '/') return fail(err, EPERM, "working directory is outside the container");
  return 0;
}

static int drop_bounding(uint64_t keep, struct shim_err *err) {
  for (int cap = 0; cap <= 63; cap++) {
    if (prctl(PR_CAPBSET_READ, cap, 0, 0, 0) < 0) break; /* past the kernel's last cap */
    if ((keep >> cap) & 1) continue;
    if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0) return fail_errno(err, "drop bounding cap %d", cap);
  }
  return 0;
}

static int set_caps(uint64_t caps, struct shim_err *err) {
  struct __user_cap_header_struct hdr = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct data[2];
  memset(data, 0, sizeof data);
  for (int i = 0; i < 2; i++) {
    data[i].effective = data[i].permitted = (uint32_t)(caps >> (32 * i));
    data[i].inheritable = 0; /* CVE-2022-29162 */
  }
  if (syscall(SYS_capset, &hdr, data) < 0) return fail_errno(err, "capset");
  if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0 && errno != EINVAL)
    return fail_errno(err, "clear ambient caps");
  return 0;
}

static int set_user(const struct shim_config *cfg, struct shim_err *err) {
  uid_t uid = (uid_t)cfg_get_ll(cfg, "uid", 0);
  gid_t gid = (gid_t)cfg_get_ll(cfg, "gid", 0);
  size_t n = cfg_count(cfg, "group"), pos = 0, i = 0;
  gid_t groups[n + 1];
  const struct cfg_entry *e;
  while ((e = cfg_next(cfg, "group", &pos)) != NULL) groups[i++] = (gid_t)strtoul(e->val, NULL, 10);
  if (setgroups(n, groups) < 0) return fail_errno(err, "setgroups");
  if (setresgid(gid, gid, gid) < 0) return fail_errno(err, "setgid %u", gid);
  if (setresuid(uid, uid, uid) < 0) return fail_errno(err, "setuid %u", uid);
  return 0;
}

/* Without no_new_privs, loading a seccomp filter needs CAP_SYS_ADMIN, so it goes in before the
 * capabilities are dropped; with it, as late as possible, so the fewest syscalls run under it. */
int apply_identity(const struct shim_config *cfg, struct shim_err *err) {
  uint64_t caps = (uint64_t)strtoull(cfg_get(cfg, "caps") ? cfg_get(cfg, "caps") : "0", NULL, 10);
  int nnp = (int)cfg_get_ll(cfg, "nnp", 0);
  if (!nnp && load_seccomp(cfg, err) < 0) return -1;
  if (drop_bounding(caps, err) < 0) return -1;
  if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0) return fail_errno(err, "keepcaps");
  if (set_user(cfg, err) < 0) return -1;
  if (prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) < 0) return fail_errno(err, "clear keepcaps");
  if (set_caps(caps, err) < 0) return -1;
  if (verify_cwd(err) < 0) return -1;
  if (nnp && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) return fail_errno(err, "no_new_privs");
  return nnp ? load_seccomp(cfg, err) : 0;
}

static const char *env_path(char **envp) {
  for (; *envp; envp++)
    if (strncmp(*envp, "PATH=", 5) == 0) return *envp + 5;
  return DEFAULT_PATH;
}

/* Looks argv[0] up in the container's PATH (not ours), like execvp would after pivot_root. */
int exec_process(const struct shim_config *cfg, struct shim_err *err) {
  cleanup_free char **argv = cfg_list(cfg, "arg");
  cleanup_free char **envp = cfg_list(cfg, "env");
  if (argv == NULL || envp == NULL) return fail(err, ENOMEM, "argv");
  if (argv[0] == NULL) return fail(err, EINVAL, "no command given");
  set_cloexec_from(3);
  if (strchr(argv[0], '/') != NULL) {
    execve(argv[0], argv, envp);
    return fail_errno(err, "exec %s", argv[0]);
  }
  char path[4096], cand[4096 + 256];
  snprintf(path, sizeof path, "%s", env_path(envp));
  int saved = ENOENT;
  for (char *dir = strtok(path, ":"); dir; dir = strtok(NULL, ":")) {
    snprintf(cand, sizeof cand, "%s/%s", dir[0] ? dir : ".", argv[0]);
    execve(cand, argv, envp);
    if (errno != ENOENT && errno != ENOTDIR) saved = errno;
  }
  return fail(err, saved, "exec: \"%s\": executable file not found in $PATH", argv[0]);
}
