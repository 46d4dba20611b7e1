/* The control socket protocol: one text line per command, one text line per reply.
 *   start        -> "ok" once the process exec'd, or "err <errno> <message>"
 *   kill <sig>   -> "ok" | "err <errno> <message>"
 *   wait         -> "exit <code> <signal>" when the process has exited (EOF if the monitor dies)
 *   state        -> "state <created|running|exited> <pid>"
 *   attach       -> no reply: output frames from now on, and the rest of the stream is stdin (attach.c) */
#include "monitor.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static const char *const STATE_NAME[] = {"created", "running", "running", "exited"};

void reply(struct monitor *m, int slot, const char *fmt, ...) {
  char buf[700];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n > (int)sizeof buf - 1) n = (int)sizeof buf - 1;
  ssize_t ignored = send(m->clients[slot], buf, (size_t)n, MSG_NOSIGNAL);
  (void)ignored;
}

/* An attach client whose input already ended ('A': a foreground run with stdin from /dev/null
 * half-closes at once, often before the engine's start arrives) still reads the output: it counts. */
static int attached(const struct monitor *m) {
  for (int i = 0; i < MAX_CLIENTS; i++)
    if (m->clients[i] >= 0 && (m->roles[i] == 'a' || m->roles[i] == 'A')) return 1;
  return 0;
}

/* Lets the init exec; waiters with role 's' get the result from read_sync. */
void release_start(struct monitor *m) {
  m->start_deferred = 0;
  if (send(m->sync, "G", 1, MSG_NOSIGNAL) != 1) {
    char msg[600];
    snprintf(msg, sizeof msg, "err %d release container init: %s\n", errno, strerror(errno));
    for (int i = 0; i < MAX_CLIENTS; i++)
      if (m->clients[i] >= 0 && m->roles[i] == 's') {
        reply(m, i, "%s", msg);
        m->roles[i] = 0;
      }
    return;
  }
  m->state = ST_STARTING;
}

static void cmd_start(struct monitor *m, int slot) {
  switch (m->state) {
    case ST_CREATED:
      m->roles[slot] = 's';
      if (m->start_deferred) return;
      if (cfg_get_ll(m->cfg, "attach-wait", 0) && !attached(m)) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        m->start_deferred = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
        if (m->start_deferred == 0) m->start_deferred = 1;
        return;
      }
      release_start(m);
      return;
    case ST_STARTING:
      m->roles[slot] = 's';
      return;
    case ST_RUNNING:
      reply(m, slot, "ok\n");
      return;
    case ST_EXITED:
      if (m->start_failed)
        reply(m, slot, "err %d %s\n", m->start_err.errnum, m->start_err.msg);
      else
        reply(m, slot, "err %d container already exited\n", ESRCH);
      return;
  }
}

static void cmd_kill(struct monitor *m, int slot, const char *arg) {
  int sig = atoi(arg);
  if (m->state == ST_EXITED) {
    reply(m, slot, "err %d container is not running\n", ESRCH);
    return;
  }
  if (kill(m->child, sig) < 0)
    reply(m, slot, "err %d kill: %s\n", errno, strerror(errno));
  else
    reply(m, slot, "ok\n");
}

void client_command(struct monitor *m, int slot, char *line) {
  if (strcmp(line, "start") == 0)
    cmd_start(m, slot);
  else if (strncmp(line, "kill ", 5) == 0)
    cmd_kill(m, slot, line + 5);
  else if (strcmp(line, "wait") == 0)
    m->roles[slot] = 'w';
  else if (strcmp(line, "attach") == 0)
    attach_client(m, slot);
  else if (strcmp(line, "state") == 0)
    reply(m, slot, "state %s %d\n", STATE_NAME[m->state], m->child);
  else
    reply(m, slot, "err %d unknown command\n", EINVAL);
}
