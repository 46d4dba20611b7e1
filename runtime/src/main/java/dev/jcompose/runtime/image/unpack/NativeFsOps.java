package dev.jcompose.runtime.image.unpack;

import java.io.IOException;
import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import jnr.ffi.Runtime;

/** {@link FsOps} through libc via jnr-ffi (glibc 2.33+ exports mknod as a symbol). */
public final class NativeFsOps implements FsOps {

  /** The libc functions used; signatures per x86_64/aarch64 Linux (dev_t is 64-bit). */
  public interface LibC {
    int mknod(String path, int mode, long dev);

    int lchown(String path, int uid, int gid);

    int chmod(String path, int mode);

    int lsetxattr(String path, String name, byte[] value, long size, int flags);

    int utimensat(int dirfd, String path, long[] times, int flags);

    long llistxattr(String path, byte[] list, long size);

    long lgetxattr(String path, String name, byte[] value, long size);

    int geteuid();

    String strerror(int errno);
  }

  private static final class Holder {
    static final LibC LIBC = LibraryLoader.create(LibC.class).option(LibraryOption.SaveError, true).load("c");
  }

  private static final int AT_FDCWD = -100;
  private static final int AT_SYMLINK_NOFOLLOW = 0x100;
  private final LibC libc = Holder.LIBC;
  private final boolean root = libc.geteuid() == 0;

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
  public void setTimes(Path path, long epochSeconds, long nanos) throws IOException {
    // struct timespec[2] = {atime, mtime}, each {tv_sec, tv_nsec} as two longs on 64-bit Linux
    long[] times = {epochSeconds, nanos, epochSeconds, nanos};
    check(libc.utimensat(AT_FDCWD, path.toString(), times, AT_SYMLINK_NOFOLLOW), "utimensat", path);
  }

  @Override
  public java.util.Map<String, byte[]> xattrs(Path path) throws IOException {
    String p = path.toString();
    long size = libc.llistxattr(p, null, 0);
    if (size <= 0) {
      return java.util.Map.of();
    }
    byte[] names = new byte[(int) size];
    size = libc.llistxattr(p, names, names.length);
    if (size < 0) {
      return java.util.Map.of(); // changed meanwhile or unsupported: no attributes
    }
    java.util.Map<String, byte[]> out = new java.util.TreeMap<>();
    int start = 0;
    for (int i = 0; i < size; i++) {
      if (names[i] == 0) {
        String name = new String(names, start, i - start, java.nio.charset.StandardCharsets.UTF_8);
        start = i + 1;
        long len = libc.lgetxattr(p, name, null, 0);
        if (len >= 0) {
          byte[] value = new byte[(int) len];
          if (libc.lgetxattr(p, name, value, len) == len) {
            out.put(name, value);
          }
        }
      }
    }
    return out;
  }

  @Override
  public boolean canChown() {
    return root;
  }

  // glibc's gnu_dev_makedev encoding
  static long makedev(long major, long minor) {
    return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8) | ((minor & 0xffffff00L) << 12) | (minor & 0xffL);
  }

  private void check(int rc, String call, Path path) throws IOException {
    if (rc != 0) {
      int errno = Runtime.getRuntime(libc).getLastError();
      throw new IOException(call + " " + path + ": " + libc.strerror(errno));
    }
  }
}
