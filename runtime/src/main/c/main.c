/* jcshim entry point: `create <config>`, `exec <config>`, `umount <path>`. */
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

int main(int argc, char **argv) {
  if (argc >= 3 && strcmp(argv[1], "create") == 0) return mode_create(argv[2]);
  if (argc >= 3 && strcmp(argv[1], "exec") == 0) return mode_exec(argc, argv);
  if (argc >= 3 && strcmp(argv[1], "umount") == 0) return mode_umount(argv[2]);
  fprintf(stderr, "usage: jcshim create <config> | exec <config> | umount <path>\n");
  return 2;
}
