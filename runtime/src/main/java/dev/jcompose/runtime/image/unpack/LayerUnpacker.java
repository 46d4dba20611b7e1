package dev.jcompose.runtime.image.unpack;

import dev.jcompose.runtime.fs.Trees;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts one uncompressed layer tar into an empty directory, overlay-ready: OCI whiteouts become
 * overlay whiteouts ({@link Whiteouts}), ownership, full modes, mtimes, symlinks and xattrs are
 * kept, but not {@code trusted.*} ones ({@link EntryMetadata#fromImage}). Never writes outside the
 * directory ({@link EntryPaths}); a refused entry aborts with INVALID and the caller discards the
 * directory. Device nodes are made as docker makes them (moby's createTarFile: by root outside a
 * user namespace, otherwise skipped); inside a container the devices cgroup decides what may be
 * opened, and the data root's modes keep host users away from them. One instance per layer; not
 * thread-safe.
 */
public final class LayerUnpacker {
  private final NativeOps ops;
  private final boolean createDevices;
  private final Path root;
  private final EntryPaths paths;
  private final Whiteouts whiteouts;
  private final EntryMetadata metadata;
  // Directory modes and mtimes are applied last: a read-only dir must still take children,
  // and writing children changes the parent's mtime.
  private final Deque<Runnable> directoryFinishers = new ArrayDeque<>();
  private final byte[] copyBuffer = new byte[1 << 17];
  private long size;

  /**
   * {@code createDevices}: false where mknod cannot work (not root); device entries are then
   * skipped.
   */
  public LayerUnpacker(NativeOps ops, boolean createDevices, Path root) {
    this.ops = ops;
    this.createDevices = createDevices;
    this.root = root;
    this.paths = new EntryPaths(root, ops);
    this.whiteouts = new Whiteouts(ops);
    this.metadata = new EntryMetadata(ops);
  }

  /** Reads the tar to its end-of-archive marker; returns the bytes of regular files written. */
  public long unpack(InputStream tar) throws IOException {
    TarArchiveInputStream in = new TarArchiveInputStream(tar);
    for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
      extract(entry, in);
    }
    while (!directoryFinishers.isEmpty()) {
      directoryFinishers.pop().run();
    }
    return size;
  }

  private void extract(TarArchiveEntry entry, InputStream content) throws IOException {
    String name = entry.getName();
    List<String> parts = EntryPaths.components(name, "name");
    if (parts.isEmpty()) {
      if (entry.isDirectory()) {
        metadata.applyOwnership(root, entry);
        finishDirectoryLater(root, entry);
      }
      return;
    }
    Path parent = paths.parentDir(name, parts, true);
    String base = parts.get(parts.size() - 1);
    if (whiteouts.handle(name, parent, base)) {
      return;
    }
    Path target = parent.resolve(base);
    if (entry.isDirectory()) {
      makeDirectory(target, entry);
      return;
    }
    if ((entry.isCharacterDevice() || entry.isBlockDevice()) && !createDevices) {
      return;
    }
    clear(target);
    create(entry, name, target, content);
    if (!entry.isLink()) {
      // a hard link shares the inode of its target, whose entry already set the metadata
      metadata.apply(target, entry, !entry.isSymbolicLink());
    }
  }

  private void create(TarArchiveEntry entry, String name, Path target, InputStream content)
      throws IOException {
    if (entry.isSymbolicLink()) {
      Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
    } else if (entry.isLink()) {
      Files.createLink(target, hardLinkSource(name, entry.getLinkName()));
    } else if (entry.isFIFO()) {
      ops.mknod(target, NativeOps.S_IFIFO | (entry.getMode() & 07777), 0, 0);
    } else if (entry.isCharacterDevice() || entry.isBlockDevice()) {
      int type = entry.isCharacterDevice() ? NativeOps.S_IFCHR : NativeOps.S_IFBLK;
      ops.mknod(target, type | (entry.getMode() & 07777), entry.getDevMajor(), entry.getDevMinor());
    } else if (entry.isFile()) {
      writeFile(target, content);
      size += entry.getSize();
    } else {
      throw EntryPaths.refuse(
          name, "unsupported tar entry type '" + (char) entry.getLinkFlag() + "'");
    }
  }

  // Hard links may only point at something an earlier entry of THIS layer created.
  private Path hardLinkSource(String name, String linkName) throws IOException {
    List<String> parts = EntryPaths.components(linkName, "hard link target '" + linkName + "'");
    if (parts.isEmpty()) {
      throw EntryPaths.refuse(name, "hard link to the layer root");
    }
    Path source = paths.parentDir(name, parts, false).resolve(parts.get(parts.size() - 1));
    BasicFileAttributes attrs = EntryPaths.lstat(source);
    if (attrs == null || attrs.isDirectory()) {
      throw EntryPaths.refuse(
          name, "hard link target '" + linkName + "' is not a file of this layer");
    }
    return source;
  }

  private void writeFile(Path target, InputStream content) throws IOException {
    try (OutputStream out =
        Files.newOutputStream(
            target,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      // one large reused buffer: transferTo's 8 KiB chunks cost a syscall each on big files
      for (int n = content.read(copyBuffer); n >= 0; n = content.read(copyBuffer)) {
        out.write(copyBuffer, 0, n);
      }
    }
  }

  private void makeDirectory(Path target, TarArchiveEntry entry) throws IOException {
    BasicFileAttributes attrs = EntryPaths.lstat(target);
    if (attrs == null || !attrs.isDirectory()) {
      clear(target);
      Files.createDirectory(target);
    }
    metadata.applyOwnership(target, entry);
    finishDirectoryLater(target, entry);
  }

  private void finishDirectoryLater(Path dir, TarArchiveEntry entry) {
    directoryFinishers.push(() -> metadata.finishDirectory(dir, entry));
  }

  /** Later entries replace earlier ones, as tar does; a directory is removed with its content. */
  private void clear(Path target) throws IOException {
    BasicFileAttributes attrs = EntryPaths.lstat(target);
    if (attrs == null) {
      return;
    }
    if (attrs.isDirectory()) {
      Trees.deleteRecursively(ops, target);
    } else {
      Files.delete(target);
    }
  }
}
