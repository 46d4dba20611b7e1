#ifndef JCSHIM_CHILD_H
#define JCSHIM_CHILD_H
#include "jcshim.h"

/* What the monitor hands the container init: the sync socket and the stdio ends. */
struct child_io {
  int sync;
  int peer; /* the monitor's end of sync: closed at once, so EOF/HUP means the monitor is gone */
  int in;   /* stdin pipe read end when stdin is kept open without a tty, else -1 */
  int out, err; /* pipe write ends when no tty */
  int tty;      /* the init makes its own terminal (console.c) and sends the master on sync */
};

void child_main(const struct shim_config *cfg, const struct child_io *io) __attribute__((noreturn));
#endif
