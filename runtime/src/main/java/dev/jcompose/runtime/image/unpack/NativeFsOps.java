package dev.jcompose.runtime.image.unpack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.Out;

/** {@link FsOps} through libc via jnr-ffi (glibc 2.33+ exports mknod as a symbol). */
public final class NativeFsOps implements FsOps {

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

    String strerror(int errno);
  }

  private static final class Holder {
    static final LibC LIBC = LibraryLoader.create(LibC.class).option(LibraryOption.SaveError, true).load("c");
  }

  private static final int AT_FDCWD = -100;
  private static final int ENODATA = 61;
  private static final int ERANGE = 34;
  private static final int ENOTSUP = 95;
  /** Size queries and reads race with writers: a list or value that grew in between is read again. */
  private static final int XATTR_TRIES = 8;
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
  public List<String> llistxattr(Path path) throws IOException {
    byte[] names = readSized(path, "llistxattr", buf -> libc.llistxattr(path.toString(), buf, buf.length));
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
    return Optional.ofNullable(readSized(path, "lgetxattr " + name, buf -> libc.lgetxattr(path.toString(), name, buf, buf.length)));
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
