package dev.jcompose.runtime.sys;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The runtime's one door to the system calls the JDK lacks or makes without NOFOLLOW: device nodes,
 * ownership of symlinks, full modes (setuid/setgid/sticky), extended attributes in every namespace
 * (the JDK reaches only {@code user.*}), timestamps of special files, lazy unmounts, the reaping of
 * orphaned monitors, and directories by descriptor for removing trees that a container may change
 * meanwhile. One method per system call (or per fixed sequence of them); path methods act on the
 * path itself, never on a symlink's target. {@link #real()} is libc through jnr-ffi; unit tests use
 * a recording fake, so only the root tests prove the door itself. Work that must happen between
 * clone and exec (namespaces, pivot_root) is the C shim's, not this.
 */
public interface NativeOps {
  int S_IFMT = 0170000;
  int S_IFIFO = 0010000;
  int S_IFCHR = 0020000;
  int S_IFBLK = 0060000;
  int O_DIRECTORY = "aarch64".equals(System.getProperty("os.arch")) ? 040000 : 0200000;
  int O_PATH = 010000000;

  /** The libc implementation, loaded on first use. */
  static NativeOps real() {
    return LibcOps.instance();
  }

  /** mknod(2); {@code mode} includes the file type bits. */
  void mknod(Path path, int mode, int major, int minor) throws IOException;

  /** lchown(2). */
  void lchown(Path path, long uid, long gid) throws IOException;

  /** chmod(2) with all 12 permission bits. Never called on symlinks. */
  void chmod(Path path, int mode) throws IOException;

  /** lsetxattr(2), any namespace. */
  void lsetxattr(Path path, String name, byte[] value) throws IOException;

  /**
   * llistxattr(2): the names of the path's extended attributes, in every namespace the caller may
   * see ({@code trusted.*} only with CAP_SYS_ADMIN); empty where the file system has none.
   */
  List<String> llistxattr(Path path) throws IOException;

  /** lgetxattr(2): the attribute's value, or empty when the path has no attribute of that name. */
  Optional<byte[]> lgetxattr(Path path, String name) throws IOException;

  /**
   * utimensat(2) with AT_SYMLINK_NOFOLLOW: sets atime and mtime without opening the file (fifos
   * would block).
   */
  void setTimes(Path path, long epochSeconds, long nanos) throws IOException;

  /**
   * bpf(2): loads an eBPF {@code BPF_PROG_TYPE_CGROUP_DEVICE} program and attaches it to the
   * cgroup2 directory {@code cgroup}, replacing the one attached before (cgroup v2's device
   * control).
   */
  void attachDeviceProgram(Path cgroup, byte[] program) throws IOException;

  /** Whether ownership can be set (we are root); otherwise files stay owned by the caller. */
  boolean canChown();

  /**
   * umount2(2) with MNT_DETACH; no mount there (EINVAL) or no such path (ENOENT) is not an error.
   */
  void detachMount(Path target) throws IOException;

  /**
   * mount(2) in the engine's mount namespace (which the containers' shims are cloned from); the
   * message of a failure names target and errno, never {@code data} (it may hold a password).
   */
  void mount(String source, Path target, String fstype, long flags, String data) throws IOException;

  /** prctl(2) PR_SET_CHILD_SUBREAPER for this process; false when refused. */
  boolean becomeChildSubreaper();

  /**
   * Waits (bounded) until process {@code pid} has exited — pidfd_open(2) then poll(2) — and reaps
   * it with waitpid(2) WNOHANG if it is our child. A process already gone returns at once.
   */
  void awaitExitAndReap(int pid, Duration timeout);

  /** openat2(2) resolve flags (linux/openat2.h, Linux 5.6). */
  long RESOLVE_NO_XDEV = 0x01;

  long RESOLVE_NO_MAGICLINKS = 0x02;
  long RESOLVE_NO_SYMLINKS = 0x04;
  long RESOLVE_BENEATH = 0x08;
  long RESOLVE_IN_ROOT = 0x10;

  /**
   * open(2) flags used with {@link #openat2}: one value on x86_64 and aarch64, except O_DIRECTORY
   * (above) and O_NOFOLLOW, which arm64's asm/fcntl.h moves (0100000 there, where 0400000 is
   * O_LARGEFILE: the x86 value would silently follow symlinks).
   */
  int O_RDONLY = 0;

  int O_WRONLY = 01;
  int O_CREAT = 0100;
  int O_EXCL = 0200;
  int O_NONBLOCK = 04000;
  int O_NOFOLLOW = "aarch64".equals(System.getProperty("os.arch")) ? 0100000 : 0400000;
  int O_CLOEXEC = 02000000;

  /** The {@code dirfd} that means the current directory ({@code AT_FDCWD}). */
  int AT_FDCWD = -100;

  /**
   * openat2(2): opens {@code path} relative to {@code dirfd} with {@code flags}, {@code mode} (for
   * O_CREAT) and {@code resolve} restrictions, e.g. RESOLVE_IN_ROOT to resolve every component,
   * symlinks included, as if {@code dirfd} were the root. Returns the new descriptor; an
   * IOException names the path and errno (ELOOP, EXDEV for a refused resolution).
   */
  int openat2(int dirfd, String path, int flags, int mode, long resolve) throws IOException;

  /**
   * One entry of a directory listing: the name's raw bytes (a container may make names that are not
   * UTF-8; the array is not copied, callers only read it), and the kernel's d_type, a hint that may
   * change before the entry is used.
   */
  final class DirEntry {
    private final byte[] name;
    private final boolean directory;
    private final boolean typeKnown;

    public DirEntry(byte[] name, boolean directory, boolean typeKnown) {
      this.name = name;
      this.directory = directory;
      this.typeKnown = typeKnown;
    }

    public byte[] name() {
      return name;
    }

    public boolean directory() {
      return directory;
    }

    public boolean typeKnown() {
      return typeKnown;
    }
  }

  /**
   * openat2(2) of a directory the engine itself names (one of its own roots), symlinks in the path
   * followed.
   */
  int openDirectory(Path dir) throws ErrnoException;

  /**
   * openat2(2) of {@code name}, one component of {@code dirfd}, as a directory, with
   * RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV (Linux 5.6,
   * which the shim needs too): ELOOP if it is a symlink, ENOTDIR if no directory, EXDEV if a mount
   * point.
   */
  int openDirectoryBeneath(int dirfd, byte[] name) throws ErrnoException;

  /** lseek(2) to the start then getdents64(2) to the end: every entry but "." and "..". */
  List<DirEntry> readDirectory(int fd) throws ErrnoException;

  /**
   * unlinkat(2) of one component of {@code dirfd}: with AT_REMOVEDIR for a directory (which must be
   * empty); a symlink is removed itself, never its target; EISDIR for a directory without it.
   */
  void unlinkAt(int dirfd, byte[] name, boolean directory) throws ErrnoException;

  /** fchmod(2) of an open file. */
  void fchmod(int fd, int mode) throws ErrnoException;

  /** syncfs(2): writes out everything of the file system {@code fd} is on. */
  void syncfs(int fd) throws ErrnoException;

  /** close(2). */
  void close(int fd);

  /**
   * openat2(2) of {@code path} from {@code rootFd} with RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS:
   * absolute paths, {@code ..} and symlinks resolve as if {@code rootFd} were {@code /} (a running
   * container's root seen from the host), so nothing outside it is reached (the CVE-2021-30465
   * class); {@code flags} (e.g. O_PATH | O_DIRECTORY) get O_CLOEXEC. Returns the fd.
   */
  int openInRoot(int rootFd, String path, int flags) throws ErrnoException;

  /**
   * openat(2) of regular file {@code name} in {@code dirfd} with O_WRONLY | O_CREAT | O_TRUNC |
   * O_NOFOLLOW | O_CLOEXEC: a symlink there fails with ELOOP and is never written through.
   */
  int createFileAt(int dirfd, String name, int mode) throws ErrnoException;

  /** mkdirat(2); false when {@code name} exists already (EEXIST). */
  boolean mkdirAt(int dirfd, String name, int mode) throws ErrnoException;

  /** write(2), repeated until all {@code len} bytes from {@code off} are written. */
  void writeFully(int fd, byte[] buf, int off, int len) throws ErrnoException;

  /** fchown(2). */
  void fchown(int fd, long uid, long gid) throws ErrnoException;

  /** glibc's gnu_dev_major of a dev_t. */
  static long major(long dev) {
    return ((dev >>> 8) & 0xfffL) | ((dev >>> 32) & 0xfffff000L);
  }

  /** glibc's gnu_dev_minor of a dev_t. */
  static long minor(long dev) {
    return (dev & 0xffL) | ((dev >>> 12) & 0xffffff00L);
  }
}
