/* Monitor start-up: clone the container init into its namespaces, put it into its cgroups, bind its
 * netns for Java, and open the control socket. */
#include "monitor.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "child.h"

#define PIPE_SIZE (1024 * 1024)

static const struct {
  const char *name;
  int flag;
} NS_FLAGS[] = {{"pid", CLONE_NEWPID}, {"mnt", CLONE_NEWNS}, {"uts", CLONE_NEWUTS}, {"ipc", CLONE_NEWIPC}, {"net", CLONE_NEWNET}};

static int clone_flags(const struct shim_config *cfg) {
  int flags = 0;
  size_t pos = 0;
  const struct cfg_entry *e;
  while ((e = cfg_next(cfg, "ns", &pos)) != NULL)
    for (size_t i = 0; i < sizeof NS_FLAGS / sizeof NS_FLAGS[0]; i++)
      if (strcmp(e->val, NS_FLAGS[i].name) == 0) flags |= NS_FLAGS[i].flag;
  return flags;
}

/* Keys: with "tty" the init gets a pty whose master is both its output and, for attach clients,
 * its input; else pipes, and with "stdin-open" a stdin pipe whose write end attach clients feed. */
static int open_stdio(struct monitor *m, struct child_io *io, struct shim_err *err) {
  if (cfg_get_ll(m->cfg, "tty", 0)) {
    io->tty = 1; /* the pty comes from the container's devpts, once mounted (console.c) */
    return 0;
  }
  if (cfg_get_ll(m->cfg, "stdin-open", 0)) {
    int in[2];
    if (pipe2(in, O_CLOEXEC) < 0) return fail_errno(err, "pipe");
    io->in = in[0];
    m->in_fd = in[1];
    fcntl(m->in_fd, F_SETFL, O_NONBLOCK);
  }
  int out[2], errp[2];
  if (pipe2(out, O_CLOEXEC) < 0 || pipe2(errp, O_CLOEXEC) < 0) return fail_errno(err, "pipe");
  fcntl(out[0], F_SETPIPE_SZ, PIPE_SIZE); /* fewer, larger reads for chatty containers */
  fcntl(errp[0], F_SETPIPE_SZ, PIPE_SIZE);
  m->out_fd = out[0];
  m->err_fd = errp[0];
  io->out = out[1];
  io->err = errp[1];
  return 0;
}

int spawn_child(struct monitor *m, struct shim_err *err) {
  struct child_io io = {.sync = -1, .peer = -1, .in = -1, .out = -1, .err = -1, .tty = 0};
  int sv[2];
  if (open_stdio(m, &io, err) < 0 || join_namespaces(m->cfg, 1, err) < 0) return -1;
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) return fail_errno(err, "socketpair");
  io.sync = sv[1];
  io.peer = sv[0];
  pid_t pid = (pid_t)syscall(SYS_clone, clone_flags(m->cfg) | SIGCHLD, NULL, NULL, NULL, NULL);
  if (pid < 0) return fail_errno(err, "clone");
  if (pid == 0) child_main(m->cfg, &io);
  m->child = pid;
  m->sync = sv[0];
  close(sv[1]);
  if (io.in >= 0) close(io.in);
  if (io.out >= 0) close(io.out);
  if (io.err >= 0) close(io.err);
  return 0;
}

int join_cgroups(struct monitor *m, struct shim_err *err) {
  char pid[32];
  snprintf(pid, sizeof pid, "%d", m->child);
  size_t pos = 0;
  const struct cfg_entry *e;
  while ((e = cfg_next(m->cfg, "cgroup-procs", &pos)) != NULL)
    if (write_file_str(e->val, pid, err) < 0) return -1;
  return 0;
}

/* Releases the child past its first barrier and waits until it has joined the netns etc. */
int handshake(struct monitor *m, struct shim_err *err) {
  if (send(m->sync, "C", 1, MSG_NOSIGNAL) != 1) return fail_errno(err, "sync with container init");
  int rc = recv_status(m->sync, err);
  if (rc > 0) return fail(err, ECHILD, "container init exited during setup");
  return rc;
}

int bind_netns(struct monitor *m, struct shim_err *err) {
  const char *target = cfg_get(m->cfg, "netns-bind");
  if (target == NULL) return 0;
  int fd = open(target, O_RDONLY | O_CREAT | O_CLOEXEC, 0444);
  if (fd < 0) return fail_errno(err, "create %s", target);
  close(fd);
  char src[64];
  snprintf(src, sizeof src, "/proc/%d/ns/net", m->child);
  if (mount(src, target, NULL, MS_BIND, NULL) < 0) return fail_errno(err, "bind netns to %s", target);
  m->netns_bound = 1;
  return 0;
}

int open_listener(struct monitor *m, struct shim_err *err) {
  const char *path = cfg_get(m->cfg, "socket");
  struct sockaddr_un addr = {.sun_family = AF_UNIX};
  if (path == NULL || strlen(path) >= sizeof addr.sun_path) return fail(err, ENAMETOOLONG, "socket path");
  strcpy(addr.sun_path, path);
  unlink(path);
  m->listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (m->listen_fd < 0) return fail_errno(err, "socket");
  if (bind(m->listen_fd, (struct sockaddr *)&addr, sizeof addr) < 0) return fail_errno(err, "bind %s", path);
  if (listen(m->listen_fd, 16) < 0) return fail_errno(err, "listen");
  return 0;
}

/* Undoes a partial create: the init dies with us, the netns bind must not stay on the host. */
void abort_child(struct monitor *m) {
  if (m->child > 0) {
    kill(m->child, SIGKILL);
    waitpid(m->child, NULL, 0);
  }
  const char *target = cfg_get(m->cfg, "netns-bind");
  if (m->netns_bound && target != NULL) umount2(target, MNT_DETACH);
  const char *sock = cfg_get(m->cfg, "socket");
  if (m->listen_fd >= 0 && sock != NULL) unlink(sock);
}
