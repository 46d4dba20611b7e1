package dev.jcompose.runtime.image.pack;

import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Packs an overlay-style layer directory (an overlayfs upper dir, or one made like it) into an OCI
 * layer tar, the inverse of {@code LayerUnpacker} (image-spec layer.md "Whiteouts"): a 0/0
 * character device becomes a {@code .wh.NAME} file, a directory with {@code
 * trusted.overlay.opaque=y} gets a {@code .wh..wh..opq} entry, other {@code trusted.overlay.*}
 * bookkeeping is dropped. Entries are sorted, parents first; ownership, modes, mtimes, symlinks,
 * hard links (by inode) and xattrs are kept; sockets are skipped. Never follows symlinks.
 */
public final class LayerPacker {
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";
  private static final String OVERLAY_XATTRS = "trusted.overlay.";
  private static final int S_IFMT = 0170000;
  private final NativeOps ops;
  private final Map<String, String> linksByInode = new HashMap<>();
  private final byte[] buffer = new byte[1 << 17];
  private long size;

  public LayerPacker(NativeOps ops) {
    this.ops = ops;
  }

  /**
   * Writes the tar of {@code dir} (not closing {@code out}); returns the bytes of regular files.
   */
  public long pack(Path dir, OutputStream out) throws IOException {
    TarArchiveOutputStream tar =
        new TarArchiveOutputStream(out, 512, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    for (Path child : children(dir)) {
      add(tar, child, child.getFileName().toString());
    }
    tar.finish();
    return size;
  }

  private static List<Path> children(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  private void add(TarArchiveOutputStream tar, Path path, String name) throws IOException {
    Map<String, Object> a =
        Files.readAttributes(
            path,
            "unix:mode,uid,gid,lastModifiedTime,size,rdev,ino,dev,nlink",
            LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) a.get("mode");
    int type = mode & S_IFMT;
    if (type == 0140000) {
      return; // sockets cannot be archived, as in docker
    }
    if (type == 0020000 && (Long) a.get("rdev") == 0L) {
      int slash = name.lastIndexOf('/');
      whiteout(tar, name.substring(0, slash + 1) + WHITEOUT + name.substring(slash + 1), a);
      return;
    }
    TarArchiveEntry entry = entry(path, name, type, a);
    entry.setMode(mode & 07777);
    entry.setUserId(((Number) a.get("uid")).longValue());
    entry.setGroupId(((Number) a.get("gid")).longValue());
    entry.setUserName("");
    entry.setGroupName("");
    entry.setModTime(seconds((FileTime) a.get("lastModifiedTime")));
    Map<String, byte[]> xattrs = xattrs(path);
    boolean opaque = type == 0040000 && isOpaque(xattrs);
    xattrs.forEach((k, v) -> xattr(entry, k, v));
    tar.putArchiveEntry(entry);
    if (type == 0100000 && entry.getLinkFlag() != TarConstants.LF_LINK) {
      copy(path, tar);
      size += entry.getSize();
    }
    tar.closeArchiveEntry();
    if (type == 0040000) {
      if (opaque) {
        whiteout(tar, name + "/" + OPAQUE, a);
      }
      for (Path child : children(path)) {
        add(tar, child, name + "/" + child.getFileName());
      }
    }
  }

  private TarArchiveEntry entry(Path path, String name, int type, Map<String, Object> a)
      throws IOException {
    return switch (type) {
      case 0040000 -> new TarArchiveEntry(name + "/");
      case 0120000 -> {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
        e.setLinkName(Files.readSymbolicLink(path).toString());
        yield e;
      }
      case 0010000 -> new TarArchiveEntry(name, TarConstants.LF_FIFO);
      case 0020000, 0060000 -> {
        TarArchiveEntry e =
            new TarArchiveEntry(name, type == 0020000 ? TarConstants.LF_CHR : TarConstants.LF_BLK);
        long rdev = (Long) a.get("rdev");
        e.setDevMajor((int) NativeOps.major(rdev));
        e.setDevMinor((int) NativeOps.minor(rdev));
        yield e;
      }
      default -> regularOrHardLink(name, a);
    };
  }

  // the second name of an inode already in the tar becomes a hard link to the first
  private TarArchiveEntry regularOrHardLink(String name, Map<String, Object> a) {
    String key = a.get("dev") + ":" + a.get("ino");
    String first =
        ((Number) a.get("nlink")).intValue() > 1 ? linksByInode.putIfAbsent(key, name) : null;
    if (first != null) {
      TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK);
      e.setLinkName(first);
      return e;
    }
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize((Long) a.get("size"));
    return e;
  }

  private Map<String, byte[]> xattrs(Path path) throws IOException {
    Map<String, byte[]> out = new java.util.TreeMap<>();
    for (String name : ops.llistxattr(path)) {
      ops.lgetxattr(path, name).ifPresent(v -> out.put(name, v));
    }
    return out;
  }

  private static boolean isOpaque(Map<String, byte[]> xattrs) {
    byte[] v = xattrs.get(OVERLAY_XATTRS + "opaque");
    return v != null && new String(v, StandardCharsets.UTF_8).equals("y");
  }

  // trusted.overlay.* is the kernel's bookkeeping, not content; text values as SCHILY (what
  // docker writes), binary ones (file capabilities) base64 as libarchive does, so they survive.
  private static void xattr(TarArchiveEntry entry, String name, byte[] value) {
    if (name.startsWith(OVERLAY_XATTRS)) {
      return;
    }
    try {
      String text =
          StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(value)).toString();
      entry.addPaxHeader("SCHILY.xattr." + name, text);
    } catch (CharacterCodingException e) {
      entry.addPaxHeader("LIBARCHIVE.xattr." + name, Base64.getEncoder().encodeToString(value));
    }
  }

  private static void whiteout(TarArchiveOutputStream tar, String entryName, Map<String, Object> a)
      throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(entryName);
    e.setMode(0);
    e.setModTime(seconds((FileTime) a.get("lastModifiedTime")));
    e.setUserName("");
    e.setGroupName("");
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
  }

  // Whole seconds, as docker's archive writes them: plain ustar headers, and the same tar for
  // the same files whatever sub-second precision the file system (or a symlink's utimes) kept.
  private static FileTime seconds(FileTime t) {
    return FileTime.from(
        t.to(java.util.concurrent.TimeUnit.SECONDS), java.util.concurrent.TimeUnit.SECONDS);
  }

  private void copy(Path file, OutputStream out) throws IOException {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
      }
    }
  }
}
