package dev.jcompose.runtime.sys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;

/** {@link NativeOps} through libc via jnr-ffi (glibc 2.33+ exports mknod as a symbol). */
final class LibcOps implements NativeOps {

  /** The libc functions used; signatures per x86_64/aarch64 Linux (dev_t is 64-bit). */
  public interface LibC {
    int mknod(String path, int mode, long dev);

    int lchown(String path, int uid, int gid);

    int chmod(String path, int mode);

    int lsetxattr(String path, String name, byte[] value, long size, int flags);

    long llistxattr(String path, @Out byte[] list, long size);

    long lgetxattr(String path, String name, @Out byte[] value, long size);

    int utimensat(int dirfd, String path, long[] times, int flags);

    int geteuid();

    int umount2(String target, int flags);

    int mount(String source, String target, String fstype, long flags, String data);

    int prctl(int option, long arg2, long arg3, long arg4, long arg5);

    int syscall(long number, int pid, int flags);

    /**
     * bpf(2) through syscall(2), which is variadic: integer arguments pass as fixed ones on x86_64
     * and aarch64 Linux.
     */
    long syscall(long number, int cmd, Pointer attr, int size);

    int open(String path, int flags);

    /**
     * struct pollfd {int fd; short events; short revents;}: two ints, events in the low half of the
     * second.
     */
    int poll(int[] fds, long nfds, int timeoutMillis);

    int waitpid(int pid, int[] status, int options);

    int close(int fd);

    /** syscall(2) for openat2, which glibc does not wrap. */
    long syscall(long number, long dirfd, @In byte[] path, @In byte[] how, long size);

    long getdents64(int fd, @Out byte[] buffer, long count);

    long lseek(int fd, long offset, int whence);

    int unlinkat(int dirfd, @In byte[] path, int flags);

    int fchmod(int fd, int mode);

    int openat(int dirfd, String path, int flags, int mode);

    int mkdirat(int dirfd, String path, int mode);

    int fchown(int fd, int uid, int gid);

    long write(int fd, @In byte[] buf, long count);

    int syncfs(int fd);

    String strerror(int errno);
  }

  private static final class Holder {
    static final LibC LIBC =
        LibraryLoader.create(LibC.class).option(LibraryOption.SaveError, true).load("c");
    static final LibcOps INSTANCE = new LibcOps();
  }

  private static final int MNT_DETACH = 2;
  private static final int ENOENT = 2;
  private static final int EINVAL = 22;
  private static final int PR_SET_CHILD_SUBREAPER = 36;
  private static final long SYS_PIDFD_OPEN =
      434; // the same number on every architecture (since 5.3)
  private static final short POLLIN = 1;
  private static final int WNOHANG = 1;

  private static final int AT_FDCWD = -100;
  private static final long SYS_OPENAT2 =
      437; // one number on every architecture (added in 5.6, after the table was unified)
  private static final long O_CLOEXEC = 02000000;
  private static final long RESOLVE_NO_XDEV = 0x01;
  private static final long RESOLVE_NO_MAGICLINKS = 0x02;
  private static final long RESOLVE_NO_SYMLINKS = 0x04;
  private static final long RESOLVE_BENEATH = 0x08;
  private static final int AT_REMOVEDIR = 0x200;
  private static final long RESOLVE_IN_ROOT = 0x10;
  private static final int O_WRONLY = 01;
  private static final int O_CREAT = 0100;
  private static final int O_TRUNC = 01000;
  private static final int SEEK_SET = 0;
  private static final int DT_UNKNOWN = 0;
  private static final int DT_DIR = 4;
  private static final int DIRENT_BUFFER = 1 << 15;
  private static final int ENODATA = 61;
  private static final int ERANGE = 34;
  private static final int ENOTSUP = 95;

  /**
   * Size queries and reads race with writers: a list or value that grew in between is read again.
   */
  private static final int XATTR_TRIES = 8;

  private static final int AT_SYMLINK_NOFOLLOW = 0x100;
  private final LibC libc = Holder.LIBC;
  private final boolean root = libc.geteuid() == 0;

  private LibcOps() {}

  static LibcOps instance() {
    return Holder.INSTANCE;
  }

  @Override
  public void mknod(Path path, int mode, int major, int minor) throws IOException {
    check(libc.mknod(path.toString(), mode, makedev(major, minor)), "mknod", path);
  }

  @Override
  public void lchown(Path path, long uid, long gid) throws IOException {
    check(libc.lchown(path.toString(), (int) uid, (int) gid), "lchown", path);
  }

  @Override
  public void chmod(Path path, int mode) throws IOException {
    check(libc.chmod(path.toString(), mode & 07777), "chmod", path);
  }

  @Override
  public void lsetxattr(Path path, String name, byte[] value) throws IOException {
    check(libc.lsetxattr(path.toString(), name, value, value.length, 0), "lsetxattr " + name, path);
  }

  @Override
  public List<String> llistxattr(Path path) throws IOException {
    byte[] names =
        readSized(path, "llistxattr", buf -> libc.llistxattr(path.toString(), buf, buf.length));
    if (names == null) {
      return List.of(); // ENOTSUP: the file system keeps no extended attributes
    }
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < names.length; i++) {
      if (names[i] == 0) { // the list is NUL-terminated names, one after the other
        out.add(new String(names, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    return out;
  }

  @Override
  public Optional<byte[]> lgetxattr(Path path, String name) throws IOException {
    return Optional.ofNullable(
        readSized(
            path,
            "lgetxattr " + name,
            buf -> libc.lgetxattr(path.toString(), name, buf, buf.length)));
  }

  private interface SizedCall {
    long call(byte[] buf);
  }

  /**
   * The xattr calls' protocol: a call with size 0 answers the size needed, a second fills the
   * buffer, ERANGE means it grew in between. Null for ENODATA/ENOTSUP (nothing there).
   */
  private byte[] readSized(Path path, String call, SizedCall sized) throws IOException {
    for (int i = 0; i < XATTR_TRIES; i++) {
      long need = sized.call(new byte[0]);
      if (need >= 0) {
        byte[] buf = new byte[(int) need];
        long got = need == 0 ? 0 : sized.call(buf);
        if (got >= 0) {
          return got == buf.length ? buf : Arrays.copyOf(buf, (int) got);
        }
      }
      int errno = Runtime.getRuntime(libc).getLastError();
      if (errno == ENODATA || errno == ENOTSUP) {
        return null;
      }
      if (errno != ERANGE) {
        throw new IOException(call + " " + path + ": " + libc.strerror(errno));
      }
    }
    throw new IOException(call + " " + path + ": the attributes kept changing while read");
  }

  @Override
  public void setTimes(Path path, long epochSeconds, long nanos) throws IOException {
    // struct timespec[2] = {atime, mtime}, each {tv_sec, tv_nsec} as two longs on 64-bit Linux
    long[] times = {epochSeconds, nanos, epochSeconds, nanos};
    check(libc.utimensat(AT_FDCWD, path.toString(), times, AT_SYMLINK_NOFOLLOW), "utimensat", path);
  }

  @Override
  public void attachDeviceProgram(Path cgroup, byte[] program) throws IOException {
    BpfDeviceProgram.attach(libc, cgroup, program);
  }

  @Override
  public boolean canChown() {
    return root;
  }

  @Override
  public void detachMount(Path target) throws IOException {
    if (libc.umount2(target.toString(), MNT_DETACH) == 0) {
      return;
    }
    int errno = Runtime.getRuntime(libc).getLastError();
    if (errno != EINVAL && errno != ENOENT) {
      throw new IOException("umount " + target + ": " + libc.strerror(errno));
    }
  }

  @Override
  public void mount(String source, Path target, String fstype, long flags, String data)
      throws IOException {
    if (libc.mount(source, target.toString(), fstype, flags, data) != 0) {
      int errno = Runtime.getRuntime(libc).getLastError();
      throw new IOException(
          "mount " + source + " on " + target + " (type " + fstype + "): " + libc.strerror(errno));
    }
  }

  @Override
  public boolean becomeChildSubreaper() {
    return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0;
  }

  @Override
  public void awaitExitAndReap(int pid, Duration timeout) {
    int pidfd = libc.syscall(SYS_PIDFD_OPEN, pid, 0);
    if (pidfd >= 0) { // else ESRCH: already reaped
      try {
        libc.poll(new int[] {pidfd, POLLIN}, 1, (int) timeout.toMillis());
      } finally {
        libc.close(pidfd);
      }
    }
    libc.waitpid(
        pid,
        new int[1],
        WNOHANG); // ECHILD when someone else adopted it: it has exited all the same
  }

  @Override
  public int openat2(int dirfd, String path, int flags, int mode, long resolve) throws IOException {
    // struct open_how { u64 flags; u64 mode; u64 resolve; }
    byte[] how =
        ByteBuffer.allocate(24)
            .order(ByteOrder.nativeOrder())
            .putLong(flags)
            .putLong(mode)
            .putLong(resolve)
            .array();
    long fd =
        libc.syscall(
            SYS_OPENAT2, dirfd, cString(path.getBytes(StandardCharsets.UTF_8)), how, how.length);
    if (fd < 0) {
      int errno = Runtime.getRuntime(libc).getLastError();
      throw new IOException(
          "openat2 " + path + ": " + libc.strerror(errno) + " (errno " + errno + ")");
    }
    return (int) fd;
  }

  @Override
  public int openDirectory(Path dir) throws ErrnoException {
    return openat2(
        AT_FDCWD,
        cString(dir.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8)),
        0,
        dir.toString());
  }

  @Override
  public int openDirectoryBeneath(int dirfd, byte[] name) throws ErrnoException {
    return openat2(
        dirfd,
        cString(name),
        RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV,
        new String(name, StandardCharsets.UTF_8));
  }

  private int openat2(int dirfd, byte[] path, long resolve, String what) throws ErrnoException {
    // struct open_how { u64 flags; u64 mode; u64 resolve; }
    byte[] how =
        ByteBuffer.allocate(24)
            .order(ByteOrder.nativeOrder())
            .putLong(O_DIRECTORY | O_CLOEXEC)
            .putLong(0)
            .putLong(resolve)
            .array();
    long fd = libc.syscall(SYS_OPENAT2, dirfd, path, how, how.length);
    if (fd < 0) {
      throw errno("openat2 " + what);
    }
    return (int) fd;
  }

  @Override
  public List<DirEntry> readDirectory(int fd) throws ErrnoException {
    if (libc.lseek(fd, 0, SEEK_SET) < 0) {
      throw errno("lseek");
    }
    List<DirEntry> entries = new ArrayList<>();
    byte[] buffer = new byte[DIRENT_BUFFER];
    for (long n = getdents(fd, buffer); n > 0; n = getdents(fd, buffer)) {
      parseDirents(buffer, (int) n, entries);
    }
    return entries;
  }

  private long getdents(int fd, byte[] buffer) throws ErrnoException {
    long n = libc.getdents64(fd, buffer, buffer.length);
    if (n < 0) {
      throw errno("getdents64");
    }
    return n;
  }

  // struct linux_dirent64 { u64 d_ino; s64 d_off; u16 d_reclen; u8 d_type; char d_name[]; }
  private static void parseDirents(byte[] buffer, int length, List<DirEntry> into) {
    ByteBuffer records = ByteBuffer.wrap(buffer, 0, length).order(ByteOrder.nativeOrder());
    for (int start = 0; start < length; start += records.getShort(start + 16) & 0xffff) {
      int type = buffer[start + 18] & 0xff;
      int nameEnd = start + 19;
      while (buffer[nameEnd] != 0) {
        nameEnd++;
      }
      byte[] name = Arrays.copyOfRange(buffer, start + 19, nameEnd);
      boolean dots =
          (name.length == 1 && name[0] == '.')
              || (name.length == 2 && name[0] == '.' && name[1] == '.');
      if (!dots) {
        into.add(new DirEntry(name, type == DT_DIR, type != DT_UNKNOWN));
      }
    }
  }

  @Override
  public void unlinkAt(int dirfd, byte[] name, boolean directory) throws ErrnoException {
    if (libc.unlinkat(dirfd, cString(name), directory ? AT_REMOVEDIR : 0) != 0) {
      throw errno("unlinkat " + new String(name, StandardCharsets.UTF_8));
    }
  }

  @Override
  public void fchmod(int fd, int mode) throws ErrnoException {
    if (libc.fchmod(fd, mode) != 0) {
      throw errno("fchmod");
    }
  }

  @Override
  public void syncfs(int fd) throws ErrnoException {
    if (libc.syncfs(fd) != 0) {
      throw errno("syncfs");
    }
  }

  @Override
  public void close(int fd) {
    libc.close(fd);
  }

  @Override
  public int openInRoot(int rootFd, String path, int flags) throws ErrnoException {
    // struct open_how { u64 flags; u64 mode; u64 resolve; }
    byte[] how =
        ByteBuffer.allocate(24)
            .order(ByteOrder.nativeOrder())
            .putLong((flags | O_CLOEXEC) & 0xffffffffL)
            .putLong(0)
            .putLong(RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS)
            .array();
    long fd =
        libc.syscall(
            SYS_OPENAT2, rootFd, cString(path.getBytes(StandardCharsets.UTF_8)), how, how.length);
    if (fd < 0) {
      throw errno("openat2 " + path);
    }
    return (int) fd;
  }

  @Override
  public int createFileAt(int dirfd, String name, int mode) throws ErrnoException {
    int flags = O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | (int) O_CLOEXEC;
    int fd = libc.openat(dirfd, name, flags, mode & 07777);
    if (fd < 0) {
      throw errno("openat " + name);
    }
    return fd;
  }

  @Override
  public boolean mkdirAt(int dirfd, String name, int mode) throws ErrnoException {
    if (libc.mkdirat(dirfd, name, mode) == 0) {
      return true;
    }
    ErrnoException e = errno("mkdirat " + name);
    if (e.errno() == ErrnoException.EEXIST) {
      return false;
    }
    throw e;
  }

  @Override
  public void writeFully(int fd, byte[] buf, int off, int len) throws ErrnoException {
    for (int done = 0; done < len; ) {
      byte[] rest = off + done == 0 ? buf : Arrays.copyOfRange(buf, off + done, off + len);
      long n = libc.write(fd, rest, len - done);
      if (n < 0) {
        throw errno("write");
      }
      done += (int) n;
    }
  }

  @Override
  public void fchown(int fd, long uid, long gid) throws ErrnoException {
    if (libc.fchown(fd, (int) uid, (int) gid) != 0) {
      throw errno("fchown");
    }
  }

  private ErrnoException errno(String what) {
    int errno = Runtime.getRuntime(libc).getLastError();
    return new ErrnoException(what + ": " + libc.strerror(errno), errno);
  }

  private static byte[] cString(byte[] bytes) {
    return Arrays.copyOf(bytes, bytes.length + 1);
  }

  // glibc's gnu_dev_makedev encoding
  static long makedev(long major, long minor) {
    return ((major & 0xfffff000L) << 32)
        | ((major & 0xfffL) << 8)
        | ((minor & 0xffffff00L) << 12)
        | (minor & 0xffL);
  }

  private void check(int rc, String call, Path path) throws IOException {
    if (rc != 0) {
      int errno = Runtime.getRuntime(libc).getLastError();
      throw new IOException(call + " " + path + ": " + libc.strerror(errno));
    }
  }
}
