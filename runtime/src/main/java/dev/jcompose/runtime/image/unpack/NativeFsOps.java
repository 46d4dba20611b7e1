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
