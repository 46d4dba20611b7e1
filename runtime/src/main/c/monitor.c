/* The monitor's event loop: control clients, the container's stdout/stderr into the log, the
 * start barrier, and reaping. It exits once the init is reaped, its output drained and the exit
 * status written. */
#include "monitor.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define READ_BUF (256 * 1024)
#define PARTIAL_FLUSH_MS 200
#define DRAIN_MS 2000
#define ATTACH_WAIT_MS 10000

enum { P_LISTEN, P_SYNC, P_SIG, P_OUT, P_ERR, P_IN, P_CLIENT0 };

static char readbuf[READ_BUF];

void close_client(struct monitor *m, int slot) {
  close(m->clients[slot]);
  m->clients[slot] = -1;
  m->roles[slot] = 0;
}

static void notify_role(struct monitor *m, char role, const char *msg) {
  for (int i = 0; i < MAX_CLIENTS; i++)
    if (m->clients[i] >= 0 && m->roles[i] == role) {
      reply(m, i, "%s", msg);
      m->roles[i] = 0;
    }
}

static void accept_client(struct monitor *m) {
  int fd = accept4(m->listen_fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
  if (fd < 0) return;
  for (int i = 0; i < MAX_CLIENTS; i++)
    if (m->clients[i] < 0) {
      m->clients[i] = fd;
      return;
    }
  close(fd); /* full: the client sees EOF and retries */
}

static void read_client(struct monitor *m, int slot) {
  char buf[256];
  ssize_t n = recv(m->clients[slot], buf, sizeof buf - 1, 0);
  if (n <= 0) {
    if (n < 0 && errno == EAGAIN) return;
    if (m->roles[slot] == 'a') {
      attach_input_ended(m, slot); /* the client still reads output */
      return;
    }
    close_client(m, slot);
    return;
  }
  if (m->roles[slot] == 'a') {
    attach_input(m, slot, buf, (size_t)n);
    return;
  }
  buf[n] = '\0';
  char *line = buf;
  while (line < buf + n) {
    char *end = memchr(line, '\n', (size_t)(buf + n - line));
    if (end != NULL) *end = '\0';
    if (*line) client_command(m, slot, line);
    line = end == NULL ? buf + n : end + 1;
    if (m->roles[slot] == 'a') { /* what follows "attach" is already input */
      if (line < buf + n) attach_input(m, slot, line, (size_t)(buf + n - line));
      return;
    }
  }
}

/* Start result: an "E" message is a setup failure; EOF without it means execve closed the socket.
 * Before that, with a tty, a "T" message carries the pty master the init made (console.c). */
static void read_sync(struct monitor *m) {
  struct shim_err err = {0, ""};
  char tag;
  if (recv(m->sync, &tag, 1, MSG_PEEK | MSG_DONTWAIT) == 1 && tag == 'T') {
    int fd;
    if (recv_fd(m->sync, &fd) == 0 && m->out_fd < 0) {
      m->out_fd = fd;
      /* the master is also the container's input for attach clients (input queued until now) */
      m->in_fd = fcntl(fd, F_DUPFD_CLOEXEC, 3);
      if (m->in_fd >= 0) {
        fcntl(m->in_fd, F_SETFL, O_NONBLOCK);
        attach_flush_input(m);
      }
    }
    return;
  }
  int rc = recv_status(m->sync, &err);
  if (rc == 0) return;
  close(m->sync);
  m->sync = -1;
  if (rc < 0) {
    m->start_failed = 1;
    m->start_err = err;
    char msg[700];
    snprintf(msg, sizeof msg, "err %d %s\n", err.errnum, err.msg);
    notify_role(m, 's', msg);
    return;
  }
  if (m->state == ST_STARTING) m->state = ST_RUNNING;
  notify_role(m, 's', "ok\n");
}

static void reap(struct monitor *m) {
  struct signalfd_siginfo si;
  while (read(m->sig_fd, &si, sizeof si) == sizeof si) {
  }
  int status;
  pid_t pid;
  while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
    if (pid != m->child) continue;
    m->exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    m->exit_signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    m->state = ST_EXITED;
  }
}

static void read_output(struct monitor *m, int *fd, int stream) {
  ssize_t n = read(*fd, readbuf, sizeof readbuf);
  if (n > 0) {
    logw_feed(m->log, stream, readbuf, (size_t)n);
    attach_output(m, stream, readbuf, (size_t)n);
    return;
  }
  if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;
  logw_end_stream(m->log, stream); /* EOF (or EIO on a pty whose slave closed) */
  close(*fd);
  *fd = -1;
}

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int poll_timeout(struct monitor *m, long long drain_deadline) {
  if (m->state == ST_EXITED) {
    long long left = drain_deadline - now_ms();
    return left < 0 ? 0 : (int)left;
  }
  if (m->start_deferred) {
    long long left = m->start_deferred + ATTACH_WAIT_MS - now_ms();
    return left < 0 ? 0 : (int)left;
  }
  return logw_has_partial(m->log) ? PARTIAL_FLUSH_MS : -1;
}

static void fill_pollfds(struct monitor *m, struct pollfd *p) {
  p[P_LISTEN] = (struct pollfd){m->listen_fd, POLLIN, 0};
  p[P_SYNC] = (struct pollfd){m->sync, POLLIN, 0};
  p[P_SIG] = (struct pollfd){m->sig_fd, POLLIN, 0};
  p[P_OUT] = (struct pollfd){m->out_fd, POLLIN, 0};
  p[P_ERR] = (struct pollfd){m->err_fd, POLLIN, 0};
  p[P_IN] = (struct pollfd){m->pending_len > 0 ? m->in_fd : -1, POLLOUT, 0};
  for (int i = 0; i < MAX_CLIENTS; i++) {
    /* attached input waits while stdin is full; an ended input is not read again */
    int quiet = (m->roles[i] == 'a' && m->pending_len > 0) || m->roles[i] == 'A';
    p[P_CLIENT0 + i] = (struct pollfd){m->clients[i], quiet ? 0 : POLLIN, 0};
  }
}

static void dispatch(struct monitor *m, struct pollfd *p) {
  if (p[P_OUT].revents) read_output(m, &m->out_fd, 0);
  if (p[P_ERR].revents) read_output(m, &m->err_fd, 1);
  logw_commit(m->log);
  if (p[P_SYNC].revents) read_sync(m);
  if (p[P_SIG].revents) reap(m);
  if (p[P_IN].revents) attach_flush_input(m);
  if (p[P_LISTEN].revents) accept_client(m);
  for (int i = 0; i < MAX_CLIENTS; i++)
    if (p[P_CLIENT0 + i].revents && m->clients[i] >= 0) read_client(m, i);
}

static void write_exit(struct monitor *m) {
  const char *path = cfg_get(m->cfg, "exit-file");
  if (path == NULL) return;
  char dir[4096], data[128];
  snprintf(dir, sizeof dir, "%s", path);
  char *slash = strrchr(dir, '/');
  if (slash == NULL) return;
  *slash = '\0';
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  int n = snprintf(data, sizeof data, "%d %d %lld%09ld\n", m->exit_code, m->exit_signal, (long long)ts.tv_sec, ts.tv_nsec);
  cleanup_fd int dfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
  struct shim_err err;
  if (dfd >= 0) write_file_atomic(dfd, slash + 1, data, (size_t)n, &err);
}

static void finish(struct monitor *m) {
  if (m->sync >= 0) read_sync(m); /* a pending "E" explains an init that died before exec */
  logw_end_stream(m->log, 0);
  logw_end_stream(m->log, 1);
  logw_close(m->log);
  write_exit(m);
  const char *sock = cfg_get(m->cfg, "socket");
  if (sock != NULL) unlink(sock);
  char msg[64];
  snprintf(msg, sizeof msg, "exit %d %d\n", m->exit_code, m->exit_signal);
  if (m->start_failed) {
    char err[700];
    snprintf(err, sizeof err, "err %d %s\n", m->start_err.errnum, m->start_err.msg);
    notify_role(m, 's', err);
  } else {
    notify_role(m, 's', "err 3 container exited before it started\n");
  }
  notify_role(m, 'w', msg);
}

int monitor_loop(struct monitor *m) {
  struct pollfd p[P_CLIENT0 + MAX_CLIENTS];
  long long drain_deadline = 0;
  for (;;) {
    if (m->state == ST_EXITED && drain_deadline == 0) drain_deadline = now_ms() + DRAIN_MS;
    if (m->state == ST_EXITED && ((m->out_fd < 0 && m->err_fd < 0) || now_ms() >= drain_deadline)) break;
    fill_pollfds(m, p);
    int n = poll(p, P_CLIENT0 + MAX_CLIENTS, poll_timeout(m, drain_deadline));
    if (n < 0 && errno != EINTR) break;
    if (n == 0 && logw_has_partial(m->log)) {
      logw_flush_partial(m->log, 0);
      logw_flush_partial(m->log, 1);
      logw_commit(m->log);
    }
    if (n > 0) dispatch(m, p);
    if (m->start_deferred && now_ms() - m->start_deferred >= ATTACH_WAIT_MS) release_start(m);
  }
  finish(m);
  return 0;
}

int monitor_init_signals(struct monitor *m, struct shim_err *err) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGCHLD);
  if (sigprocmask(SIG_BLOCK, &set, NULL) < 0) return fail_errno(err, "block SIGCHLD");
  m->sig_fd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
  if (m->sig_fd < 0) return fail_errno(err, "signalfd");
  signal(SIGPIPE, SIG_IGN);
  return 0;
}
