/* Device nodes of the container's own /dev (a tmpfs), made with mknod as runc does
 * (libcontainer/rootfs_linux.go createDevices), so they belong to that tmpfs, carry the owner and
 * mode the config gives (docker: root:root 0666), and masked paths bound from /dev/null show tmpfs
 * like docker's. Config entries `mknod <path>\0<c|b>\0<major>\0<minor>\0<mode>\0<uid>\0<gid>`, in
 * the config's order with the mounts (see rootfs.c). */
#include "jcshim.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

int make_device(int rootfd, const struct cfg_entry *e, struct shim_err *err) {
  const char *f[7];
  if (cfg_fields(e, f, 7) != 7) return fail(err, EINVAL, "mknod entry needs 7 fields");
  const char *path = f[0];
  if (path[0] != '/' || strstr(path, "..") != NULL) return fail(err, EINVAL, "bad device path %s", path);
  mode_t type = f[1][0] == 'b' ? S_IFBLK : S_IFCHR;
  dev_t dev = makedev((unsigned)strtoul(f[2], NULL, 10), (unsigned)strtoul(f[3], NULL, 10));
  mode_t mode = (mode_t)strtoul(f[4], NULL, 8);
  /* the parent (the /dev tmpfs, mounted before) is resolved inside the root, so a symlinked /dev
   * in an image cannot send the node to the host (CVE-2024-45310 class); the node itself is made
   * with *at() calls that never follow its last component */
  char parent[4096];
  if (snprintf(parent, sizeof parent, "%s", path) >= (int)sizeof parent) return fail(err, ENAMETOOLONG, "%s", path);
  char *slash = strrchr(parent, '/');
  const char *base = path + (slash - parent) + 1;
  *slash = '\0';
  cleanup_fd int dir = open_in_root(rootfd, parent[0] ? parent : "/", O_PATH | O_DIRECTORY);
  if (dir < 0) return fail_errno(err, "open parent of %s in rootfs", path);
  if (unlinkat(dir, base, 0) < 0 && errno != ENOENT) return fail_errno(err, "replace %s", path);
  if (mknodat(dir, base, type | (mode & 07777), dev) < 0) return fail_errno(err, "mknod %s", path);
  if (fchmodat(dir, base, mode & 07777, 0) < 0) return fail_errno(err, "chmod %s", path); /* umask-proof */
  if (fchownat(dir, base, (uid_t)strtoul(f[5], NULL, 10), (gid_t)strtoul(f[6], NULL, 10), AT_SYMLINK_NOFOLLOW) < 0)
    return fail_errno(err, "chown %s", path);
  return 0;
}
