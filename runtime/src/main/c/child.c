/* The container init between clone() and execve(). It waits twice on the sync socket: "C" once the
 * monitor has put it into the cgroups (then it unshares the cgroup ns and joins a netns), and "G"
 * when Java starts the container. Any failure goes back as errno + message, never a silent exit. */
#include "jcshim.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "child.h"

static int wait_for(int sync, char expected, struct shim_err *err) {
  char c;
  ssize_t n;
  do n = recv(sync, &c, 1, 0);
  while (n < 0 && errno == EINTR);
  if (n <= 0) _exit(1); /* monitor is gone or gave up: nothing to report to */
  if (c != expected) return fail(err, EPROTO, "sync: expected '%c' got '%c'", expected, c);
  return 0;
}

static int join_netns(const char *path, struct shim_err *err) {
  cleanup_fd int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail_errno(err, "open netns %s", path);
  if (setns(fd, CLONE_NEWNET) < 0) return fail_errno(err, "join netns %s", path);
  return 0;
}

static int set_names(const struct shim_config *cfg, struct shim_err *err) {
  const char *h = cfg_get(cfg, "hostname"), *d = cfg_get(cfg, "domainname");
  if (h != NULL && sethostname(h, strlen(h)) < 0) return fail_errno(err, "sethostname %s", h);
  if (d != NULL && setdomainname(d, strlen(d)) < 0) return fail_errno(err, "setdomainname %s", d);
  return 0;
}

/* A fresh netns has lo down; docker brings it up for every private netns. */
static int loopback_up(struct shim_err *err) {
  cleanup_fd int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  struct ifreq ifr;
  memset(&ifr, 0, sizeof ifr);
  strcpy(ifr.ifr_name, "lo");
  if (s < 0 || ioctl(s, SIOCGIFFLAGS, &ifr) < 0) return fail_errno(err, "get lo flags");
  ifr.ifr_flags |= IFF_UP;
  if (ioctl(s, SIOCSIFFLAGS, &ifr) < 0) return fail_errno(err, "bring lo up");
  return 0;
}

static int prepare(const struct shim_config *cfg, struct shim_err *err) {
  const char *adj = cfg_get(cfg, "oom-score-adj");
  if (adj != NULL && write_file_str("/proc/self/oom_score_adj", adj, err) < 0) return -1;
  if (cfg_get_ll(cfg, "cgroupns", 0) && unshare(CLONE_NEWCGROUP) < 0) return fail_errno(err, "unshare cgroup ns");
  const char *join = cfg_get(cfg, "netns-join");
  if (join != NULL && join_netns(join, err) < 0) return -1;
  if (join_namespaces(cfg, 0, err) < 0) return -1;
  if (cfg_get_ll(cfg, "lo-up", 0) && loopback_up(err) < 0) return -1;
  return set_names(cfg, err);
}

static int setup_stdio(const struct child_io *io, struct shim_err *err) {
  if (setsid() < 0) return fail_errno(err, "setsid");
  if (io->tty) return 0; /* setup_console, once the container's devpts is there */
  int in = io->in >= 0 ? io->in : open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (in < 0) return fail_errno(err, "open /dev/null");
  if (dup2(in, 0) < 0 || dup2(io->out, 1) < 0 || dup2(io->err, 2) < 0) return fail_errno(err, "dup stdio");
  close(in);
  return 0;
}

static int run(const struct shim_config *cfg, const struct child_io *io, struct shim_err *err) {
  if (setup_stdio(io, err) < 0 || setup_rootfs(cfg, err) < 0) return -1;
  if (io->tty && setup_console(io->sync, err) < 0) return -1;
  if (apply_sysctls(cfg, err) < 0) return -1;
  if (finish_rootfs(cfg, err) < 0 || apply_rlimits(cfg, err) < 0 || enter_cwd(cfg, err) < 0) return -1;
  if (apply_identity(cfg, err) < 0) return -1;
  return exec_process(cfg, err);
}

/* A half-set-up init must not outlive its monitor. PR_SET_PDEATHSIG only covers a parent that dies
 * after it is set, so the parent is checked again afterwards, as runc does; runc compares getppid(),
 * which in a new pid namespace reads 0 whatever happened, so the sync socket tells instead: with our
 * copy of the monitor's end closed, a hang-up means the monitor is gone. */
static void die_with_monitor(const struct child_io *io) {
  close(io->peer);
  prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
  struct pollfd p = {io->sync, POLLRDHUP, 0};
  if (poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLRDHUP))) _exit(1);
}

void child_main(const struct shim_config *cfg, const struct child_io *io) {
  struct shim_err err = {0, ""};
  int sync = io->sync;
  die_with_monitor(io);
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); /* execve makes it dumpable again (CVE-2016-9962) */
  sigset_t all;
  sigemptyset(&all);
  sigprocmask(SIG_SETMASK, &all, NULL);
  signal(SIGPIPE, SIG_DFL); /* the monitor ignores it; execve would keep SIG_IGN */
  if (wait_for(sync, 'C', &err) < 0 || prepare(cfg, &err) < 0) goto out;
  send_status(sync, NULL);
  if (wait_for(sync, 'G', &err) < 0) goto out;
  run(cfg, io, &err);
out:
  send_status(sync, &err);
  _exit(127);
}
