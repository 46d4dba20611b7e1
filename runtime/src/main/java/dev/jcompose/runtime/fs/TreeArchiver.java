package dev.jcompose.runtime.fs;

import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a tree as tar entries, reached only through descriptors: a directory's entries are listed
 * and stat-ed by name under its descriptor, each child directory opened with {@link Fd#child} (a
 * symlink swapped in meanwhile fails, it is never followed), each file opened non-blocking without
 * following and its type taken from the open descriptor (a fifo swapped in is written as a fifo,
 * never read). Sizes are taken at open: a file that grows or shrinks while read is cut or padded to
 * that size, the tar stays valid. Hard links within the archive become link entries.
 */
final class TreeArchiver {
  private static final String UNIX = "unix:mode,uid,gid,size,lastModifiedTime,ino,dev,nlink,rdev";
  private static final int S_IFMT = 0170000;
  private static final int S_IFDIR = 0040000;
  private static final int S_IFREG = 0100000;
  private static final int S_IFLNK = 0120000;
  private static final int S_IFIFO = 0010000;
  private static final int S_IFCHR = 0020000;

  private final NativeOps ops;
  private final TarArchiveOutputStream out;
  private final boolean sameFileSystem;
  private final Map<String, String> links = new HashMap<>();
  private boolean whiteouts;
  private final byte[] buf = new byte[1 << 16];
  private Long rootDevice;

  TreeArchiver(NativeOps ops, OutputStream tar, boolean sameFileSystem) {
    this.ops = ops;
    this.out = new TarArchiveOutputStream(tar);
    this.out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    this.out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    this.out.setAddPaxHeadersForNonAsciiNames(true);
    this.sameFileSystem = sameFileSystem;
  }

  /**
   * Reads an overlay upper dir as an OCI layer (image-spec layer.md "Whiteouts"): a whiteout (char
   * device 0/0) becomes an empty {@code .wh.NAME}, a directory marked opaque gets a {@code
   * .wh..wh..opq} entry.
   */
  TreeArchiver overlayWhiteouts() {
    whiteouts = true;
    return this;
  }

  void finish() throws IOException {
    out.finish();
    out.flush();
  }

  /** The entry {@code name} of directory {@code parent}, archived as {@code as}. */
  void entry(Fd parent, String name, String as) throws IOException {
    Map<String, Object> a =
        Files.readAttributes(parent.entry(name), UNIX, LinkOption.NOFOLLOW_LINKS);
    int type = (int) a.get("mode") & S_IFMT;
    if (type == S_IFDIR) {
      try (Fd dir = parent.child(name, NativeOps.O_PATH | NativeOps.O_DIRECTORY)) {
        directory(dir, as);
      }
    } else if (type == S_IFLNK) {
      TarArchiveEntry e = header(as, TarConstants.LF_SYMLINK, a);
      e.setLinkName(Files.readSymbolicLink(parent.entry(name)).toString());
      put(e);
    } else if (type == S_IFREG) {
      try (Fd file = parent.child(name, NativeOps.O_RDONLY | NativeOps.O_NONBLOCK)) {
        opened(file, as);
      }
    } else if (type == S_IFIFO) {
      put(header(as, TarConstants.LF_FIFO, a));
    } else if (whiteouts && type == S_IFCHR && ((Number) a.get("rdev")).longValue() == 0) {
      int slash = as.lastIndexOf('/');
      TarArchiveEntry wh =
          header(
              as.substring(0, slash + 1) + ".wh." + as.substring(slash + 1),
              TarConstants.LF_NORMAL,
              a);
      wh.setSize(0);
      put(wh);
    }
    // sockets and device nodes are left out, as docker cp leaves sockets out
  }

  /** An opened file or directory (a followed symlink's target), archived as {@code as}. */
  void opened(Fd fd, String as) throws IOException {
    Map<String, Object> a = Files.readAttributes(fd.path(), UNIX);
    int type = (int) a.get("mode") & S_IFMT;
    if (type == S_IFDIR) {
      try (Fd dir =
          Fd.open(
              ops,
              fd,
              ".",
              NativeOps.O_PATH | NativeOps.O_DIRECTORY,
              0,
              NativeOps.RESOLVE_BENEATH)) {
        directory(dir, as);
      }
    } else if (type == S_IFREG) {
      regular(fd, as, a);
    } else if (type == S_IFIFO) {
      put(header(as, TarConstants.LF_FIFO, a));
    }
  }

  /** A directory and everything below it; {@code as} "" writes only what is below. */
  void directory(Fd dir, String as) throws IOException {
    Map<String, Object> a = Files.readAttributes(dir.path(), UNIX);
    long device = (long) a.get("dev");
    if (rootDevice == null) {
      rootDevice = device;
    }
    if (!as.isEmpty()) {
      put(header(as + "/", TarConstants.LF_DIR, a));
    }
    if (whiteouts && opaque(dir)) {
      TarArchiveEntry opq =
          header((as.isEmpty() ? "" : as + "/") + ".wh..wh..opq", TarConstants.LF_NORMAL, a);
      opq.setSize(0);
      put(opq);
    }
    if (sameFileSystem && device != rootDevice) {
      return; // a mount point: kept as an empty directory, as docker export keeps /proc
    }
    List<String> names;
    try (Stream<Path> s = Files.list(dir.path())) {
      names = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    for (String name : names) {
      try {
        entry(dir, name, as.isEmpty() ? name : as + "/" + name);
      } catch (NoSuchFileException e) {
        // removed while we walked: not in the archive
      }
    }
  }

  /** overlayfs marks an opaque directory with trusted.overlay.opaque=y (overlayfs.rst). */
  private boolean opaque(Fd dir) throws IOException {
    return ops.lgetxattr(dir.path().resolve("."), "trusted.overlay.opaque")
        .map(v -> v.length > 0 && v[0] == 'y')
        .orElse(false);
  }

  private void regular(Fd file, String as, Map<String, Object> a) throws IOException {
    String key = a.get("dev") + ":" + a.get("ino");
    if ((int) a.get("nlink") > 1 && links.containsKey(key)) {
      TarArchiveEntry e = header(as, TarConstants.LF_LINK, a);
      e.setLinkName(links.get(key));
      put(e);
      return;
    }
    links.put(key, as);
    long size = (long) a.get("size");
    TarArchiveEntry e = header(as, TarConstants.LF_NORMAL, a);
    e.setSize(size);
    out.putArchiveEntry(e);
    long left = size;
    try (InputStream in = Files.newInputStream(file.path())) {
      for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) {
        out.write(buf, 0, n);
        left -= n;
      }
    }
    Arrays.fill(buf, (byte) 0);
    for (; left > 0; left -= Math.min(buf.length, left)) {
      out.write(buf, 0, (int) Math.min(buf.length, left)); // shrank while read
    }
    out.closeArchiveEntry();
  }

  private static TarArchiveEntry header(String name, byte type, Map<String, Object> a) {
    TarArchiveEntry e = new TarArchiveEntry(name, type, true);
    e.setMode((int) a.get("mode") & 07777);
    e.setUserId(((Number) a.get("uid")).longValue());
    e.setGroupId(((Number) a.get("gid")).longValue());
    e.setModTime((FileTime) a.get("lastModifiedTime"));
    return e;
  }

  private void put(TarArchiveEntry e) throws IOException {
    out.putArchiveEntry(e);
    out.closeArchiveEntry();
  }
}
