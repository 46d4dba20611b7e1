/* Attach clients: a control client that sends "attach" receives the container's output from then on
 * as frames (1 byte stream: 1 stdout, 2 stderr; 4 bytes big-endian length; the bytes) and whatever it
 * sends after the command goes to the container's stdin. When its input ends, a stdin pipe is closed
 * (docker's StdinOnce); a pty stays open. With "attach-wait" a start waits (at most 10 s) for the
 * first attach client, so a foreground `run` sees the container's output from its first byte. */
#include "monitor.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define SEND_WAIT_MS 1000

/* Sends all of buf to an attach client, waiting (bounded) while its socket is full. */
static int send_all(int fd, const char *buf, size_t len) {
  while (len > 0) {
    ssize_t n = send(fd, buf, len, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      buf += n;
      len -= (size_t)n;
      continue;
    }
    if (n < 0 && errno != EAGAIN && errno != EINTR) return -1;
    struct pollfd p = {fd, POLLOUT, 0};
    if (poll(&p, 1, SEND_WAIT_MS) <= 0) return -1; /* a client that stops reading is dropped */
  }
  return 0;
}

void attach_output(struct monitor *m, int stream, const char *data, size_t len) {
  unsigned char hdr[5] = {(unsigned char)(stream + 1), (unsigned char)(len >> 24), (unsigned char)(len >> 16),
                          (unsigned char)(len >> 8), (unsigned char)len};
  for (int i = 0; i < MAX_CLIENTS; i++)
    if (m->clients[i] >= 0 && (m->roles[i] == 'a' || m->roles[i] == 'A'))
      if (send_all(m->clients[i], (const char *)hdr, sizeof hdr) < 0 || send_all(m->clients[i], data, len) < 0) close_client(m, i);
}

void attach_client(struct monitor *m, int slot) {
  m->roles[slot] = 'a';
  if (m->start_deferred) release_start(m);
}

static void write_input(struct monitor *m) {
  while (m->pending_len > 0 && m->in_fd >= 0) {
    ssize_t n = write(m->in_fd, m->pending_in, m->pending_len);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) return; /* full: the rest waits for POLLOUT */
    if (n < 0) {
      m->pending_len = 0; /* the container closed its stdin: input is dropped */
      return;
    }
    memmove(m->pending_in, m->pending_in + n, m->pending_len - (size_t)n);
    m->pending_len -= (size_t)n;
  }
}

/* With a tty the container's input is the pty master, which arrives with the init's "T" message
 * (console.c) only after the start: a client attached before that (a foreground `run`, whose start
 * waits for its attach) may already type. Its input is queued, not dropped, and written once the
 * master is here (read_sync); dropped, a typed "exit 4" was lost while the EOF that followed it
 * arrived, and the shell exited 0. */
static int awaits_terminal(struct monitor *m) {
  return m->in_fd < 0 && m->sync >= 0 && cfg_get_ll(m->cfg, "tty", 0);
}

void attach_input(struct monitor *m, int slot, const char *data, size_t len) {
  (void)slot;
  if ((m->in_fd < 0 && !awaits_terminal(m)) || len > sizeof m->pending_in - m->pending_len) return;
  memcpy(m->pending_in + m->pending_len, data, len);
  m->pending_len += len;
  write_input(m);
}

void attach_flush_input(struct monitor *m) {
  write_input(m);
}

void attach_input_ended(struct monitor *m, int slot) {
  m->roles[slot] = 'A';
  if (m->in_fd >= 0 && !cfg_get_ll(m->cfg, "tty", 0)) {
    write_input(m);
    close(m->in_fd);
    m->in_fd = -1;
    m->pending_len = 0;
  }
}
