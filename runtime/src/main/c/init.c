/* jcinit: the small init that `init: true` puts at PID 1 of a container, in docker-init's place
 * (docker bind-mounts tini as /sbin/docker-init and runs `/sbin/docker-init -- <command>`).
 *
 * A process that is PID 1 of a pid namespace has duties a normal program does not know about: the
 * kernel re-parents every orphan to it, so it must reap them or they stay zombies, and it drops
 * every signal for which it has no handler, so a plain program as PID 1 ignores `stop`'s SIGTERM.
 * This init forks the command, forwards every signal it receives to it, reaps whatever dies, and
 * exits with the command's status (128 + signal number when a signal killed it), as tini does.
 *
 * Signals are blocked and read from a signalfd: the kernel never drops a blocked signal, even for a
 * namespace init. The synchronous fatal signals stay unblocked so a fault in this program kills it
 * rather than looping. Separate from jcshim on purpose: it runs inside the container, read-only
 * bind-mounted, and must not carry any of the shim's privileged code. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

static const int KEEP_UNBLOCKED[] = {SIGFPE, SIGILL, SIGSEGV, SIGBUS, SIGABRT, SIGTRAP, SIGSYS, SIGTTIN, SIGTTOU};

static void forwarded_set(sigset_t *set) {
  sigfillset(set);
  for (size_t i = 0; i < sizeof KEEP_UNBLOCKED / sizeof KEEP_UNBLOCKED[0]; i++) sigdelset(set, KEEP_UNBLOCKED[i]);
}

/* In the child: its own process group, in the foreground of the terminal if there is one, with
 * the signal state the init itself was given. */
static __attribute__((noreturn)) void run_command(char **argv, const sigset_t *saved_mask) {
  setpgid(0, 0);
  if (tcsetpgrp(STDIN_FILENO, getpgrp()) < 0 && errno != ENOTTY && errno != ENXIO) perror("jcinit: tcsetpgrp");
  signal(SIGTTIN, SIG_DFL);
  signal(SIGTTOU, SIG_DFL);
  sigprocmask(SIG_SETMASK, saved_mask, NULL);
  execvp(argv[0], argv);
  int err = errno;
  fprintf(stderr, "jcinit: exec %s: %s\n", argv[0], strerror(err));
  _exit(err == ENOENT ? 127 : 126);
}

static int status_code(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

/* Reaps every child that has exited; returns 1 once the command itself is among them. */
static int reap(pid_t command, int *code) {
  int status, done = 0;
  pid_t pid;
  while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
    if (pid == command) {
      *code = status_code(status);
      done = 1;
    }
  return done;
}

static int supervise(int sfd, pid_t command) {
  int code = 0;
  for (;;) {
    struct signalfd_siginfo si;
    ssize_t n = read(sfd, &si, sizeof si);
    if (n < 0 && errno == EINTR) continue;
    if (n != sizeof si) {
      perror("jcinit: read signalfd");
      return 1;
    }
    if (si.ssi_signo != SIGCHLD) {
      if (kill(command, (int)si.ssi_signo) < 0 && errno != ESRCH) perror("jcinit: forward signal");
      continue;
    }
    if (reap(command, &code)) return code;
  }
}

int main(int argc, char **argv) {
  int first = (argc > 1 && strcmp(argv[1], "--") == 0) ? 2 : 1;
  if (first >= argc) {
    fprintf(stderr, "usage: %s [--] command [args...]\n", argv[0]);
    return 1;
  }
  sigset_t forwarded, saved;
  forwarded_set(&forwarded);
  sigprocmask(SIG_SETMASK, &forwarded, &saved);
  /* the child becomes the terminal's foreground group; stray job-control stops must not hang us */
  signal(SIGTTIN, SIG_IGN);
  signal(SIGTTOU, SIG_IGN);
  int sfd = signalfd(-1, &forwarded, SFD_CLOEXEC);
  if (sfd < 0) {
    perror("jcinit: signalfd");
    return 1;
  }
  pid_t command = fork();
  if (command < 0) {
    perror("jcinit: fork");
    return 1;
  }
  if (command == 0) {
    close(sfd);
    run_command(argv + first, &saved);
  }
  return supervise(sfd, command);
}
