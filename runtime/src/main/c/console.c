/* The container's terminal with `tty: true`, made as runc makes it: a pty of the container's own
 * devpts instance (so `tty` inside prints /dev/pts/0, and /dev/pts lists it), the slave as the
 * init's controlling terminal and stdio, bound over /dev/console, and the master handed to the
 * monitor over the sync socket (SCM_RIGHTS), which reads it into the log. Runs after pivot_root. */
#include "jcshim.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static int send_fd(int sock, int fd, struct shim_err *err) {
  char tag = 'T';
  struct iovec iov = {.iov_base = &tag, .iov_len = 1};
  union {
    char buf[CMSG_SPACE(sizeof(int))];
    struct cmsghdr align;
  } ctl;
  memset(&ctl, 0, sizeof ctl);
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf, .msg_controllen = sizeof ctl.buf};
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(c), &fd, sizeof fd);
  if (sendmsg(sock, &msg, MSG_NOSIGNAL) != 1) return fail_errno(err, "hand the terminal to the monitor");
  return 0;
}

/* /dev/console must be a file to bind over; docker's init layer has one, images need not. */
static int bind_console(const char *slave, struct shim_err *err) {
  int fd = open("/dev/console", O_CREAT | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST) return fail_errno(err, "create /dev/console");
  if (fd >= 0) close(fd);
  if (mount(slave, "/dev/console", NULL, MS_BIND, NULL) < 0) return fail_errno(err, "bind %s on /dev/console", slave);
  return 0;
}

int setup_console(int sync, struct shim_err *err) {
  cleanup_fd int master = open("/dev/pts/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (master < 0) return fail_errno(err, "open the container's /dev/pts/ptmx");
  int unlock = 0, n = -1;
  if (ioctl(master, TIOCSPTLCK, &unlock) < 0 || ioctl(master, TIOCGPTN, &n) < 0) return fail_errno(err, "prepare pty");
  char slave[64];
  snprintf(slave, sizeof slave, "/dev/pts/%d", n);
  int fd = open(slave, O_RDWR | O_CLOEXEC);
  if (fd < 0) return fail_errno(err, "open %s", slave);
  if (ioctl(fd, TIOCSCTTY, 0) < 0 || dup2(fd, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0) {
    close(fd);
    return fail_errno(err, "make %s the terminal", slave);
  }
  close(fd);
  if (bind_console(slave, err) < 0) return -1;
  return send_fd(sync, master, err);
}

int recv_fd(int sock, int *fd) {
  char tag;
  struct iovec iov = {.iov_base = &tag, .iov_len = 1};
  union {
    char buf[CMSG_SPACE(sizeof(int))];
    struct cmsghdr align;
  } ctl;
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf, .msg_controllen = sizeof ctl.buf};
  ssize_t r;
  do r = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
  while (r < 0 && errno == EINTR);
  struct cmsghdr *c = r == 1 ? CMSG_FIRSTHDR(&msg) : NULL;
  if (c == NULL || c->cmsg_type != SCM_RIGHTS) return -1;
  memcpy(fd, CMSG_DATA(c), sizeof *fd);
  return 0;
}
