/* CVE-2019-5736: a process inside a container could open /proc/<pid>/exe of a shim that runs in (or
 * enters) the container and write to the host's jcshim file. Every mode that runs there re-executes
 * itself first from a sealed memfd copy (as runc's and crun's cloned binaries do), so the only
 * executable such a process can reach is an anonymous, write-sealed file. */
#include "jcshim.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define SEALS (F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE)

extern char **environ;

static int is_sealed_self(void) {
  cleanup_fd int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  return fd >= 0 && fcntl(fd, F_GET_SEALS) == SEALS;
}

static int reexec_sealed(char **argv, struct shim_err *err) {
  cleanup_fd int self = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (self < 0 || fstat(self, &st) < 0) return fail_errno(err, "open /proc/self/exe");
  cleanup_fd int mfd = memfd_create("jcshim", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  if (mfd < 0) return fail_errno(err, "memfd_create");
  for (off_t off = 0; off < st.st_size;)
    if (sendfile(mfd, self, &off, (size_t)(st.st_size - off)) <= 0) return fail_errno(err, "copy self");
  if (fcntl(mfd, F_ADD_SEALS, SEALS) < 0) return fail_errno(err, "seal memfd");
  syscall(SYS_execveat, mfd, "", argv, environ, AT_EMPTY_PATH);
  return fail_errno(err, "re-exec from memfd");
}

int ensure_sealed(char **argv, struct shim_err *err) {
  return is_sealed_self() ? 0 : reexec_sealed(argv, err);
}
