/* jcshim entry point: `create <config>`, `exec <config>`, `umount <path>`. The modes whose code runs
 * in or enters a container continue from a sealed memfd copy of this binary (sealed.c). */
#include "jcshim.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>

int mode_umount(const char *path) {
  if (umount2(path, MNT_DETACH) < 0 && errno != EINVAL && errno != ENOENT) {
    fprintf(stderr, "err %d umount %s: %s\n", errno, path, strerror(errno));
    return 1;
  }
  return 0;
}

/* create answers Java on stdout ("err <errno> <message>"); exec's stdout belongs to the process. */
static int sealed(char **argv, FILE *report) {
  struct shim_err err = {0, ""};
  if (ensure_sealed(argv, &err) == 0) {
    set_name("jcshim"); /* an exec'd memfd is named after its fd number */
    return 0;
  }
  fprintf(report, "err %d %s: %s\n", err.errnum, err.msg, strerror(err.errnum));
  return -1;
}

int main(int argc, char **argv) {
  if (argc >= 3 && strcmp(argv[1], "create") == 0) return sealed(argv, stdout) < 0 ? 1 : mode_create(argv[2]);
  if (argc >= 3 && strcmp(argv[1], "exec") == 0) return sealed(argv, stderr) < 0 ? 126 : mode_exec(argc, argv);
  if (argc >= 3 && strcmp(argv[1], "umount") == 0) return mode_umount(argv[2]);
  fprintf(stderr, "usage: jcshim create <config> | exec <config> | umount <path>\n");
  return 2;
}
