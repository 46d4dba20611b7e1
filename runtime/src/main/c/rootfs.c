/* Mount namespace setup of the container init: overlay rootfs, the mount list Java computed,
 * pivot_root, then masked and read-only paths. Every mount target inside the rootfs is resolved with
 * openat2(RESOLVE_IN_ROOT) and mounted onto /proc/self/fd/N, so a symlink planted in an image cannot
 * redirect a mount to the host (CVE-2021-30465 class). */
#include "jcshim.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define FD_PATH_LEN 32
#define KEEP_FLAGS (MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOATIME | MS_NODIRATIME | MS_RELATIME)

static void fd_path(char *buf, int fd) { snprintf(buf, FD_PATH_LEN, "/proc/self/fd/%d", fd); }

int open_in_root(int rootfd, const char *path, int flags) {
  struct open_how how = {.flags = (uint64_t)(flags | O_CLOEXEC), .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS};
  return (int)syscall(SYS_openat2, rootfd, path, &how, sizeof how);
}

/* Opens (O_PATH) path inside the root, creating missing directories, and the last component as an
 * empty file when mkfile. */
static int mkpath_in_root(int rootfd, const char *path, int mkfile, struct shim_err *err) {
  char buf[4096];
  if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) return fail(err, ENAMETOOLONG, "path %s", path);
  size_t len = strlen(buf);
  for (size_t i = 1; i <= len; i++) {
    if (buf[i] != '/' && buf[i] != '\0') continue;
    char saved = buf[i];
    buf[i] = '\0';
    int fd = open_in_root(rootfd, buf, O_PATH);
    if (fd < 0 && errno == ENOENT) {
      char *slash = strrchr(buf, '/');
      *slash = '\0';
      cleanup_fd int parent = open_in_root(rootfd, buf[0] ? buf : "/", O_PATH | O_DIRECTORY);
      *slash = '/';
      if (parent < 0) return fail_errno(err, "open parent of %s in rootfs", buf);
      int last = saved == '\0';
      int rc = (last && mkfile) ? openat(parent, slash + 1, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0644)
                                : mkdirat(parent, slash + 1, 0755);
      if (rc < 0 && errno != EEXIST) return fail_errno(err, "create %s in rootfs", buf);
      if (last && mkfile && rc >= 0) close(rc);
      fd = open_in_root(rootfd, buf, O_PATH);
    }
    if (fd < 0) return fail_errno(err, "resolve %s in rootfs", buf);
    buf[i] = saved;
    if (saved == '\0') return fd;
    close(fd);
  }
  return fail(err, EINVAL, "empty mount target");
}

static unsigned long statvfs_flags(const char *path) {
  struct statvfs sv;
  if (statvfs(path, &sv) < 0) return 0;
  return sv.f_flag & KEEP_FLAGS;
}

/* Applies per-mount flags to a bind mount; the kernel ignores them on the initial MS_BIND. */
static int remount_bind(const char *path, unsigned long flags, struct shim_err *err) {
  unsigned long keep = statvfs_flags(path);
  if (mount(NULL, path, NULL, MS_REMOUNT | MS_BIND | keep | (flags & KEEP_FLAGS), NULL) < 0)
    return fail_errno(err, "remount %s", path);
  return 0;
}

static int is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int mount_bind_entry(int rootfd, const char **f, struct shim_err *err) {
  const char *source = f[1], *target = f[2];
  unsigned long flags = strtoul(f[3], NULL, 10);
  cleanup_fd int fd = mkpath_in_root(rootfd, target, !is_dir(source), err);
  if (fd < 0) return -1;
  char p[FD_PATH_LEN];
  fd_path(p, fd);
  if (mount(source, p, NULL, MS_BIND | MS_REC, NULL) < 0) return fail_errno(err, "bind %s on %s", source, target);
  if ((flags & KEEP_FLAGS) == 0) return 0;
  /* reopen: the old fd still names the covered inode, not the new mount */
  cleanup_fd int top = open_in_root(rootfd, target, O_PATH);
  if (top < 0) return fail_errno(err, "reopen %s", target);
  fd_path(p, top);
  return remount_bind(p, flags, err);
}

static int mount_fs_entry(int rootfd, const char **f, struct shim_err *err) {
  const char *fstype = f[0], *source = f[1], *target = f[2], *data = f[4];
  unsigned long flags = strtoul(f[3], NULL, 10);
  cleanup_fd int fd = mkpath_in_root(rootfd, target, 0, err);
  if (fd < 0) return -1;
  char p[FD_PATH_LEN];
  fd_path(p, fd);
  if (mount(source, p, fstype, flags, data[0] ? data : NULL) < 0)
    return fail_errno(err, "mount %s on %s (%s)", fstype, target, data);
  return 0;
}

static int do_mount(int rootfd, const struct cfg_entry *e, struct shim_err *err) {
  const char *f[5];
  if (cfg_fields(e, f, 5) != 5) return fail(err, EINVAL, "mount entry needs 5 fields");
  return strcmp(f[0], "bind") == 0 ? mount_bind_entry(rootfd, f, err) : mount_fs_entry(rootfd, f, err);
}

static int do_symlink(int rootfd, const struct cfg_entry *e, struct shim_err *err) {
  const char *f[2];
  if (cfg_fields(e, f, 2) != 2) return fail(err, EINVAL, "symlink entry needs 2 fields");
  char parent[4096];
  snprintf(parent, sizeof parent, "%s", f[1]);
  char *slash = strrchr(parent, '/');
  if (slash == NULL) return fail(err, EINVAL, "symlink path %s not absolute", f[1]);
  *slash = '\0';
  cleanup_fd int dir = mkpath_in_root(rootfd, parent[0] ? parent : "/", 0, err);
  if (dir < 0) return -1;
  if (symlinkat(f[0], dir, slash + 1) < 0 && errno != EEXIST) return fail_errno(err, "symlink %s", f[1]);
  return 0;
}

/* Mounts, device nodes and symlinks in the order the config lists them: Java orders them so that
 * each lands on what the earlier ones made (the /dev tmpfs before its nodes, a user's bind last). */
static int populate_root(const struct shim_config *cfg, int rootfd, struct shim_err *err) {
  for (size_t i = 0; i < cfg->n; i++) {
    const struct cfg_entry *e = &cfg->entries[i];
    int rc = 0;
    if (strcmp(e->key, "mount") == 0)
      rc = do_mount(rootfd, e, err);
    else if (strcmp(e->key, "mknod") == 0)
      rc = make_device(rootfd, e, err);
    else if (strcmp(e->key, "symlink") == 0)
      rc = do_symlink(rootfd, e, err);
    if (rc < 0) return -1;
  }
  return 0;
}

static int mount_overlay(const struct shim_config *cfg, const char *rootfs, struct shim_err *err) {
  const char *dir = cfg_get(cfg, "overlay-dir"), *opts = cfg_get(cfg, "overlay-opts");
  if (opts == NULL) { /* plain directory rootfs: make it a mount point for pivot_root */
    if (mount(rootfs, rootfs, NULL, MS_BIND | MS_REC, NULL) < 0) return fail_errno(err, "bind rootfs %s", rootfs);
    return 0;
  }
  /* short relative lowerdir names (a dir of symlinks) keep many layers under the one-page limit */
  if (dir != NULL && chdir(dir) < 0) return fail_errno(err, "chdir %s", dir);
  if (mount("overlay", rootfs, "overlay", 0, opts) < 0) return fail_errno(err, "mount overlay on %s", rootfs);
  return 0;
}

static int pivot(int rootfd, struct shim_err *err) {
  cleanup_fd int oldroot = open("/", O_DIRECTORY | O_RDONLY | O_CLOEXEC);
  if (oldroot < 0) return fail_errno(err, "open /");
  if (fchdir(rootfd) < 0) return fail_errno(err, "chdir rootfs");
  if (syscall(SYS_pivot_root, ".", ".") < 0) return fail_errno(err, "pivot_root");
  if (fchdir(oldroot) < 0) return fail_errno(err, "chdir old root");
  /* rslave, not rprivate: runc found private propagation here racy with host unmounts */
  if (mount("", ".", NULL, MS_SLAVE | MS_REC, NULL) < 0) return fail_errno(err, "make old root rslave");
  if (umount2(".", MNT_DETACH) < 0) return fail_errno(err, "detach old root");
  if (chdir("/") < 0) return fail_errno(err, "chdir /");
  return 0;
}

int setup_rootfs(const struct shim_config *cfg, struct shim_err *err) {
  const char *rootfs = cfg_get(cfg, "rootfs");
  if (rootfs == NULL) return fail(err, EINVAL, "config has no rootfs");
  if (mount("", "/", NULL, MS_SLAVE | MS_REC, NULL) < 0) return fail_errno(err, "make / rslave");
  if (mount_overlay(cfg, rootfs, err) < 0) return -1;
  cleanup_fd int rootfd = open(rootfs, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (rootfd < 0) return fail_errno(err, "open rootfs %s", rootfs);
  if (populate_root(cfg, rootfd, err) < 0) return -1;
  return pivot(rootfd, err);
}

/* /dev/null must really be char 1:3 before we bind it over anything (CVE-2025-31133). */
static int open_dev_null(struct shim_err *err) {
  int fd = open("/dev/null", O_PATH | O_NOFOLLOW | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) < 0) return fail_errno(err, "open container /dev/null");
  if (!S_ISCHR(st.st_mode) || major(st.st_rdev) != 1 || minor(st.st_rdev) != 3) {
    close(fd);
    return fail(err, EPERM, "container /dev/null is not the null device");
  }
  return fd;
}

static int mask_path(const char *path, int nullfd, struct shim_err *err) {
  cleanup_fd int fd = open(path, O_PATH | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? 0 : fail_errno(err, "open masked path %s", path);
  struct stat st;
  if (fstat(fd, &st) < 0) return fail_errno(err, "stat %s", path);
  char p[FD_PATH_LEN], np[FD_PATH_LEN];
  fd_path(p, fd);
  fd_path(np, nullfd);
  int rc = S_ISDIR(st.st_mode) ? mount("tmpfs", p, "tmpfs", MS_RDONLY, "nr_blocks=1,nr_inodes=1")
                               : mount(np, p, NULL, MS_BIND, NULL);
  return rc < 0 ? fail_errno(err, "mask %s", path) : 0;
}

static int readonly_path(const char *path, struct shim_err *err) {
  cleanup_fd int fd = open(path, O_PATH | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? 0 : fail_errno(err, "open read-only path %s", path);
  char p[FD_PATH_LEN];
  fd_path(p, fd);
  if (mount(p, p, NULL, MS_BIND | MS_REC, NULL) < 0) return fail_errno(err, "bind %s", path);
  cleanup_fd int top = open(path, O_PATH | O_NOFOLLOW | O_CLOEXEC);
  if (top < 0) return fail_errno(err, "reopen %s", path);
  fd_path(p, top);
  return remount_bind(p, MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, err);
}

/* `remount <path>\0<flags>`: new flags for a filesystem mounted earlier (the v1 /sys/fs/cgroup tmpfs
 * goes read-only once its hierarchies are mounted in it, as runc does), without a second mount. */
static int remount_entry(const struct cfg_entry *e, struct shim_err *err) {
  const char *f[2];
  if (cfg_fields(e, f, 2) != 2) return fail(err, EINVAL, "remount entry needs 2 fields");
  cleanup_fd int fd = open(f[0], O_PATH | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return fail_errno(err, "open %s", f[0]);
  char p[FD_PATH_LEN];
  fd_path(p, fd);
  if (mount(NULL, p, NULL, MS_REMOUNT | (strtoul(f[1], NULL, 10) & KEEP_FLAGS), NULL) < 0)
    return fail_errno(err, "remount %s", f[0]);
  return 0;
}

int finish_rootfs(const struct shim_config *cfg, struct shim_err *err) {
  if (cfg_count(cfg, "mask") > 0) {
    cleanup_fd int nullfd = open_dev_null(err);
    if (nullfd < 0) return -1;
    size_t pos = 0;
    const struct cfg_entry *e;
    while ((e = cfg_next(cfg, "mask", &pos)) != NULL)
      if (mask_path(e->val, nullfd, err) < 0) return -1;
  }
  size_t pos = 0;
  const struct cfg_entry *e;
  while ((e = cfg_next(cfg, "readonly", &pos)) != NULL)
    if (readonly_path(e->val, err) < 0) return -1;
  pos = 0;
  while ((e = cfg_next(cfg, "remount", &pos)) != NULL)
    if (remount_entry(e, err) < 0) return -1;
  if (cfg_get_ll(cfg, "rootfs-readonly", 0) && remount_bind("/", MS_RDONLY, err) < 0) return -1;
  return 0;
}

int apply_sysctls(const struct shim_config *cfg, struct shim_err *err) {
  size_t pos = 0;
  const struct cfg_entry *e;
  while ((e = cfg_next(cfg, "sysctl", &pos)) != NULL) {
    const char *f[2];
    if (cfg_fields(e, f, 2) != 2 || strstr(f[0], "..") != NULL) return fail(err, EINVAL, "bad sysctl entry");
    char path[512];
    snprintf(path, sizeof path, "/proc/sys/%s", f[0]);
    cleanup_fd int fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 || write_all(fd, f[1], strlen(f[1])) < 0) return fail_errno(err, "sysctl %s", f[0]);
  }
  return 0;
}
