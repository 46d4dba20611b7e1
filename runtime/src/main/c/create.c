/* `jcshim create <config>`: the process Java spawns. It forks the monitor (which detaches into its
 * own session so it outlives the engine), relays the monitor's one-line report ("pid <n>" or
 * "err <errno> <message>") to stdout for Java, and exits. */
#include "monitor.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static void report(int fd, pid_t pid, const struct shim_err *err) {
  char buf[700];
  int n = err ? snprintf(buf, sizeof buf, "err %d %s\n", err->errnum, err->msg) : snprintf(buf, sizeof buf, "pid %d\n", pid);
  if (n > (int)sizeof buf - 1) n = (int)sizeof buf - 1;
  write_all(fd, buf, (size_t)n);
}

static int detach_stdio(void) {
  int null = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null < 0) return -1;
  dup2(null, 0);
  dup2(null, 1);
  dup2(null, 2);
  close(null);
  return 0;
}

static int setup_monitor(struct monitor *m, struct shim_err *err) {
  const char *log = cfg_get(m->cfg, "log");
  if (log == NULL) return fail(err, EINVAL, "config has no log path");
  m->log = logw_open(log, cfg_get_ll(m->cfg, "log-max-size", 0), (int)cfg_get_ll(m->cfg, "log-max-files", 1),
                     (int)cfg_get_ll(m->cfg, "log-compress", 0), err);
  if (m->log == NULL || monitor_init_signals(m, err) < 0 || open_listener(m, err) < 0) return -1;
  if (spawn_child(m, err) < 0) return -1;
  if (join_cgroups(m, err) < 0 || handshake(m, err) < 0 || bind_netns(m, err) < 0) {
    abort_child(m);
    return -1;
  }
  return 0;
}

static __attribute__((noreturn)) void run_monitor(const struct shim_config *cfg, int report_fd) {
  struct monitor m = {.cfg = cfg, .child = -1, .sync = -1, .listen_fd = -1, .sig_fd = -1, .out_fd = -1, .err_fd = -1, .in_fd = -1};
  for (int i = 0; i < MAX_CLIENTS; i++) m.clients[i] = -1;
  struct shim_err err = {0, ""};
  setsid();
  set_name("jcshim");
  prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
  detach_stdio();
  if (setup_monitor(&m, &err) < 0) {
    if (m.listen_fd >= 0) unlink(cfg_get(cfg, "socket"));
    report(report_fd, 0, &err);
    _exit(1);
  }
  report(report_fd, m.child, NULL);
  close(report_fd);
  monitor_loop(&m);
  _exit(0);
}

static int relay_report(int fd) {
  char buf[700];
  size_t got = 0;
  ssize_t n;
  /* one line, not EOF: the waiting init inherited the pipe's write end until it execs */
  while (got < sizeof buf && (got == 0 || buf[got - 1] != '\n') && (n = read(fd, buf + got, sizeof buf - got)) != 0) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    got += (size_t)n;
  }
  if (got == 0) {
    fputs("err 5 monitor died before reporting\n", stdout);
    return 1;
  }
  write_all(1, buf, got);
  return strncmp(buf, "pid ", 4) == 0 ? 0 : 1;
}

int mode_create(const char *config_path) {
  struct shim_config cfg;
  struct shim_err err = {0, ""};
  syscall(SYS_close_range, 3U, ~0U, 0U); /* nothing of the JVM's may reach the container */
  if (config_load(config_path, &cfg, &err) < 0) {
    report(1, 0, &err);
    return 1;
  }
  int rep[2];
  if (pipe2(rep, O_CLOEXEC) < 0) return 1;
  pid_t pid = fork();
  if (pid < 0) return 1;
  if (pid == 0) {
    close(rep[0]);
    run_monitor(&cfg, rep[1]);
  }
  close(rep[1]);
  return relay_report(rep[0]);
}
