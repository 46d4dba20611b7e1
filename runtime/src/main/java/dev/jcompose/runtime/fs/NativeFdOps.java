package dev.jcompose.runtime.fs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;

/** {@link FdOps} through libc via jnr-ffi; openat2 has no glibc wrapper, so it goes through syscall(2). */
public final class NativeFdOps implements FdOps {
  private static final NativeFdOps INSTANCE = new NativeFdOps();

  /** The libc functions used; signatures per x86_64/aarch64 Linux. */
  public interface LibC {
    long syscall(long number, long dirfd, @In byte[] path, @In byte[] how, long size);

    long getdents64(int fd, @Out byte[] buffer, long count);

    long lseek(int fd, long offset, int whence);

    int unlinkat(int dirfd, @In byte[] path, int flags);

    int fchmod(int fd, int mode);

    int syncfs(int fd);

    int close(int fd);

    String strerror(int errnum);
  }

  private static final class Holder {
    static final LibC LIBC = LibraryLoader.create(LibC.class).option(LibraryOption.SaveError, true).load("c");
  }

  private static final long SYS_OPENAT2 = 437; // one number on every architecture (added in 5.6, after the table was unified)
  private static final boolean AARCH64 = "aarch64".equals(System.getProperty("os.arch"));
  private static final long O_DIRECTORY = AARCH64 ? 040000 : 0200000;
  private static final long O_CLOEXEC = 02000000;
  private static final long RESOLVE_NO_XDEV = 0x01;
  private static final long RESOLVE_NO_MAGICLINKS = 0x02;
  private static final long RESOLVE_NO_SYMLINKS = 0x04;
  private static final long RESOLVE_BENEATH = 0x08;
  private static final int AT_FDCWD = -100;
  private static final int AT_REMOVEDIR = 0x200;
  private static final int SEEK_SET = 0;
  private static final int DT_UNKNOWN = 0;
  private static final int DT_DIR = 4;
  private static final int DIRENT_BUFFER = 1 << 15;

  private final LibC libc = Holder.LIBC;

  private NativeFdOps() {}

  public static NativeFdOps get() {
    return INSTANCE;
  }

  @Override
  public int openTrusted(Path dir) throws ErrnoException {
    return openat2(AT_FDCWD, cString(dir.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8)), 0, dir.toString());
  }

  @Override
  public int openBeneath(int dirfd, byte[] name) throws ErrnoException {
    return openat2(dirfd, cString(name), RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV, display(name));
  }

  private int openat2(int dirfd, byte[] path, long resolve, String what) throws ErrnoException {
    // struct open_how { u64 flags; u64 mode; u64 resolve; }
    byte[] how = ByteBuffer.allocate(24).order(ByteOrder.nativeOrder())
        .putLong(O_DIRECTORY | O_CLOEXEC).putLong(0).putLong(resolve).array();
    long fd = libc.syscall(SYS_OPENAT2, dirfd, path, how, how.length);
    if (fd < 0) {
      throw error("openat2", what);
    }
    return (int) fd;
  }

  @Override
  public List<Entry> list(int fd) throws ErrnoException {
    if (libc.lseek(fd, 0, SEEK_SET) < 0) {
      throw error("lseek", "directory");
    }
    List<Entry> entries = new ArrayList<>();
    byte[] buffer = new byte[DIRENT_BUFFER];
    for (long n = getdents(fd, buffer); n > 0; n = getdents(fd, buffer)) {
      parse(ByteBuffer.wrap(buffer, 0, (int) n).order(ByteOrder.nativeOrder()), entries);
    }
    return entries;
  }

  private long getdents(int fd, byte[] buffer) throws ErrnoException {
    long n = libc.getdents64(fd, buffer, buffer.length);
    if (n < 0) {
      throw error("getdents64", "directory");
    }
    return n;
  }

  // struct linux_dirent64 { u64 d_ino; s64 d_off; u16 d_reclen; u8 d_type; char d_name[]; }
  private static void parse(ByteBuffer records, List<Entry> into) {
    while (records.remaining() > 0) {
      int start = records.position();
      int reclen = records.getShort(start + 16) & 0xffff;
      int type = records.get(start + 18) & 0xff;
      int nameStart = start + 19;
      int nameEnd = nameStart;
      while (records.get(nameEnd) != 0) {
        nameEnd++;
      }
      byte[] name = Arrays.copyOfRange(records.array(), nameStart, nameEnd);
      if (!isDotOrDotDot(name)) {
        into.add(new Entry(name, type == DT_DIR, type != DT_UNKNOWN));
      }
      records.position(start + reclen);
    }
  }

  private static boolean isDotOrDotDot(byte[] name) {
    return (name.length == 1 && name[0] == '.') || (name.length == 2 && name[0] == '.' && name[1] == '.');
  }

  @Override
  public void unlink(int dirfd, byte[] name, boolean directory) throws ErrnoException {
    if (libc.unlinkat(dirfd, cString(name), directory ? AT_REMOVEDIR : 0) != 0) {
      throw error("unlinkat", display(name));
    }
  }

  @Override
  public void makeWritable(int fd) throws ErrnoException {
    if (libc.fchmod(fd, 0700) != 0) {
      throw error("fchmod", "directory");
    }
  }

  @Override
  public void syncFileSystem(int fd) throws ErrnoException {
    if (libc.syncfs(fd) != 0) {
      throw error("syncfs", "directory");
    }
  }

  @Override
  public void close(int fd) {
    libc.close(fd);
  }

  private ErrnoException error(String call, String what) {
    int errno = Runtime.getRuntime(libc).getLastError();
    return new ErrnoException(call + " " + what + ": " + libc.strerror(errno), errno);
  }

  private static byte[] cString(byte[] bytes) {
    return Arrays.copyOf(bytes, bytes.length + 1);
  }

  static String display(byte[] name) {
    return new String(name, StandardCharsets.UTF_8);
  }
}
