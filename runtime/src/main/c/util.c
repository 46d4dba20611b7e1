/* Small io and error helpers shared by every mode. */
#include "jcshim.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

int fail(struct shim_err *err, int errnum, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  va_end(ap);
  err->errnum = errnum;
  return -1;
}

void close_fdp(int *fd) {
  if (*fd >= 0) {
    int saved = errno;
    close(*fd);
    errno = saved;
  }
}

void free_p(void *p) { free(*(void **)p); }

int write_all(int fd, const void *buf, size_t len) {
  const char *p = buf;
  while (len > 0) {
    ssize_t w = write(fd, p, len);
    if (w < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    p += w;
    len -= (size_t)w;
  }
  return 0;
}

/* tmp + rename so readers never see a half-written file. No fsync: it is only used for exit files
 * under the run root (tmpfs, gone at reboot with the processes they describe), and an fsync there
 * on a disk-backed root delayed every container's exit report (and so `stop`) by a journal commit,
 * tens of ms while a `down` stops 20 at once. A file lost or empty after a crash reads as an
 * unknown exit, as a missing one does. */
int write_file_atomic(int dirfd, const char *name, const char *data, size_t len, struct shim_err *err) {
  char tmp[256];
  snprintf(tmp, sizeof tmp, ".%s.tmp", name);
  cleanup_fd int fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) return fail_errno(err, "open %s", tmp);
  if (write_all(fd, data, len) < 0) return fail_errno(err, "write %s", tmp);
  if (renameat(dirfd, tmp, dirfd, name) < 0) return fail_errno(err, "rename %s", name);
  return 0;
}

int write_file_str(const char *path, const char *data, struct shim_err *err) {
  cleanup_fd int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return fail_errno(err, "open %s", path);
  if (write_all(fd, data, strlen(data)) < 0) return fail_errno(err, "write %s", path);
  return 0;
}

void send_status(int fd, const struct shim_err *err) {
  char buf[600];
  int n;
  if (err == NULL)
    n = snprintf(buf, sizeof buf, "O");
  else
    n = snprintf(buf, sizeof buf, "E%d %s", err->errnum, err->msg);
  if (n > (int)sizeof buf - 1) n = (int)sizeof buf - 1;
  ssize_t ignored = send(fd, buf, (size_t)n, MSG_NOSIGNAL);
  (void)ignored;
}

/* Returns 0 on "O", -1 with err filled on "E..." or a transport failure, 1 on EOF. */
int recv_status(int fd, struct shim_err *err) {
  char buf[600];
  ssize_t n;
  do n = recv(fd, buf, sizeof buf - 1, 0);
  while (n < 0 && errno == EINTR);
  if (n < 0) return fail_errno(err, "read sync socket");
  if (n == 0) return 1;
  buf[n] = '\0';
  if (buf[0] == 'O') return 0;
  if (buf[0] != 'E') return fail(err, EPROTO, "unexpected sync message");
  char *sp = strchr(buf, ' ');
  err->errnum = atoi(buf + 1);
  snprintf(err->msg, sizeof err->msg, "%s", sp ? sp + 1 : "");
  return -1;
}

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

/* Marks every fd >= first close-on-exec so nothing of ours reaches the container (CVE-2024-21626). */
int set_cloexec_from(int first) {
  if (syscall(SYS_close_range, (unsigned)first, ~0U, CLOSE_RANGE_CLOEXEC) == 0) return 0;
  for (int fd = first; fd < 4096; fd++) fcntl(fd, F_SETFD, FD_CLOEXEC);
  return 0;
}

void set_name(const char *name) { prctl(PR_SET_NAME, (unsigned long)name, 0, 0, 0); }
