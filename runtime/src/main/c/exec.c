/* `jcshim exec <config>`: run one more process inside a running container (main.c has re-executed
 * it from a sealed memfd, see sealed.c). Joins the cgroups and namespaces of the container init,
 * forks (a pid-ns join only applies to children), and the child becomes the process. The
 * start result goes to a status file ("ok <pid>" | "err <errno> <message>"); the exit code of this
 * program is the process's exit code (128+signal when killed). */
#include "jcshim.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *const NS_ORDER[] = {"cgroup", "ipc", "uts", "net", "pid", "mnt"}; /* mnt last: it moves our root */

static int join_container(const struct shim_config *cfg, struct shim_err *err) {
  char pid[32], path[64];
  snprintf(pid, sizeof pid, "%d", getpid());
  size_t pos = 0;
  const struct cfg_entry *e;
  while ((e = cfg_next(cfg, "cgroup-procs", &pos)) != NULL)
    if (write_file_str(e->val, pid, err) < 0) return -1;
  long long target = cfg_get_ll(cfg, "pid", 0);
  int fds[6];
  for (int i = 0; i < 6; i++) { /* open all first: after joining mnt, /proc is the container's */
    snprintf(path, sizeof path, "/proc/%lld/ns/%s", target, NS_ORDER[i]);
    fds[i] = open(path, O_RDONLY | O_CLOEXEC);
    if (fds[i] < 0) return fail_errno(err, "open %s", path);
  }
  for (int i = 0; i < 6; i++) {
    int rc = setns(fds[i], 0);
    close(fds[i]);
    if (rc < 0) return fail_errno(err, "join %s namespace of pid %lld", NS_ORDER[i], target);
  }
  return 0;
}

static int open_pty(int *master, char *slave, size_t len, struct shim_err *err) {
  *master = open("/dev/pts/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (*master < 0) return fail_errno(err, "open container /dev/pts/ptmx");
  if (grantpt(*master) < 0 || unlockpt(*master) < 0 || ptsname_r(*master, slave, len) != 0)
    return fail_errno(err, "prepare pty");
  return 0;
}

static void child(const struct shim_config *cfg, int sync, const char *tty) {
  struct shim_err err = {0, ""};
  signal(SIGPIPE, SIG_DFL);
  if (setsid() < 0) fail_errno(&err, "setsid");
  else if (tty != NULL) {
    int fd = open(tty, O_RDWR | O_CLOEXEC);
    if (fd < 0 || ioctl(fd, TIOCSCTTY, 0) < 0 || dup2(fd, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0) {
      fail_errno(&err, "attach tty %s", tty);
      goto out;
    }
  }
  if (err.errnum == 0 && apply_rlimits(cfg, &err) == 0 && enter_cwd(cfg, &err) == 0 && apply_identity(cfg, &err) == 0)
    exec_process(cfg, &err);
out:
  send_status(sync, &err);
  _exit(127);
}

static void pump(int from, int to) {
  char buf[16384];
  ssize_t n = read(from, buf, sizeof buf);
  if (n > 0) write_all(to, buf, (size_t)n);
}

/* Copies stdin -> pty and pty -> stdout until the pty reports the slave side closed. */
static void forward_tty(int master) {
  struct pollfd p[2] = {{0, POLLIN, 0}, {master, POLLIN, 0}};
  for (;;) {
    if (poll(p, 2, -1) < 0 && errno != EINTR) return;
    if (p[0].revents & POLLIN) pump(0, master);
    else if (p[0].revents) p[0].fd = -1;
    if (p[1].revents & POLLIN) pump(master, 1);
    else if (p[1].revents) return;
  }
}

static int write_status(int dirfd, const char *name, const char *text) {
  struct shim_err err;
  return write_file_atomic(dirfd, name, text, strlen(text), &err);
}

static int run_exec(const struct shim_config *cfg, int dirfd, const char *status_name) {
  struct shim_err err = {0, ""};
  char msg[700], slave[128];
  int master = -1, sv[2];
  int tty = (int)cfg_get_ll(cfg, "tty", 0);
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  if (join_container(cfg, &err) < 0 || (tty && open_pty(&master, slave, sizeof slave, &err) < 0) ||
      socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) {
    if (err.errnum == 0) fail_errno(&err, "socketpair");
    snprintf(msg, sizeof msg, "err %d %s\n", err.errnum, err.msg);
    write_status(dirfd, status_name, msg);
    return 126;
  }
  pid_t pid = fork();
  if (pid == 0) child(cfg, sv[1], tty ? slave : NULL);
  close(sv[1]);
  if (pid < 0 || recv_status(sv[0], &err) < 0) {
    if (pid < 0) fail_errno(&err, "fork");
    snprintf(msg, sizeof msg, "err %d %s\n", err.errnum, err.msg);
    write_status(dirfd, status_name, msg);
    if (pid > 0) waitpid(pid, NULL, 0);
    return err.errnum == ENOENT ? 127 : 126;
  }
  snprintf(msg, sizeof msg, "ok %d\n", pid);
  write_status(dirfd, status_name, msg);
  if (master >= 0) forward_tty(master);
  int status;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int mode_exec(int argc, char **argv) {
  (void)argc;
  struct shim_err err = {0, ""};
  struct shim_config cfg;
  syscall(SYS_close_range, 3U, ~0U, 0U);
  set_name("jcshim");
  if (config_load(argv[2], &cfg, &err) < 0) {
    fprintf(stderr, "jcshim: %s\n", err.msg);
    return 126;
  }
  const char *status = cfg_get(&cfg, "status-file");
  char dir[4096];
  snprintf(dir, sizeof dir, "%s", status ? status : "");
  char *slash = strrchr(dir, '/');
  if (slash == NULL) return 126;
  *slash = '\0';
  cleanup_fd int dirfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (dirfd < 0) return 126;
  return run_exec(&cfg, dirfd, slash + 1);
}
