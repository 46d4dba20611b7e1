#ifndef JCSHIM_MONITOR_H
#define JCSHIM_MONITOR_H
#include "jcshim.h"

#define MAX_CLIENTS 32

enum ctr_state { ST_CREATED, ST_STARTING, ST_RUNNING, ST_EXITED };

/* The monitor's whole state; one per container, lives until the container's init is reaped. */
struct monitor {
  const struct shim_config *cfg;
  pid_t child;
  int sync, listen_fd, sig_fd, out_fd, err_fd;
  int in_fd;                 /* the container's stdin for attach clients (pty master dup or pipe), or -1 */
  char pending_in[4096];     /* input not yet taken by a full stdin pipe */
  size_t pending_len;
  long long start_deferred;  /* ms when a start waits for the first attach client ("attach-wait"), else 0 */
  int netns_bound;
  struct log_writer *log;
  int clients[MAX_CLIENTS];
  char roles[MAX_CLIENTS]; /* 0 none, 's' awaits start result, 'w' awaits exit, 'a' attached, 'A' attached, input ended */
  enum ctr_state state;
  int exit_code, exit_signal;
  struct shim_err start_err;
  int start_failed;
};

int spawn_child(struct monitor *m, struct shim_err *err);
int join_cgroups(struct monitor *m, struct shim_err *err);
int handshake(struct monitor *m, struct shim_err *err);
int bind_netns(struct monitor *m, struct shim_err *err);
int open_listener(struct monitor *m, struct shim_err *err);
void abort_child(struct monitor *m);
int monitor_loop(struct monitor *m);
int monitor_init_signals(struct monitor *m, struct shim_err *err);
void client_command(struct monitor *m, int slot, char *line);
void release_start(struct monitor *m);
void attach_client(struct monitor *m, int slot);
void attach_input(struct monitor *m, int slot, const char *data, size_t len);
void attach_input_ended(struct monitor *m, int slot);
void attach_flush_input(struct monitor *m);
void attach_output(struct monitor *m, int stream, const char *data, size_t len);
void close_client(struct monitor *m, int slot);
void reply(struct monitor *m, int slot, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
#endif
