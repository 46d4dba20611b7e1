package dev.jcompose.runtime.fs;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.FileTree;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts a tar stream into a directory descriptor. Each entry's parents are walked from that
 * descriptor one component at a time with {@link Fd#child} (made 0755 when missing), so an entry
 * never passes through a symlink, neither one the archive made earlier nor one a container puts
 * there meanwhile; the last component is made in place of what was there (a directory is kept for a
 * directory, never replaced by a file). Files are created O_EXCL|O_NOFOLLOW. Device nodes are
 * refused. Directory modes and times are set last, deepest first, so a read-only directory still
 * takes its children.
 */
final class TreeExtractor {
  private final NativeOps ops;
  private final Fd target;
  private final FileTree.Owner owner;
  private final Deque<TarArchiveEntry> directories = new ArrayDeque<>();

  TreeExtractor(NativeOps ops, Fd target, FileTree.Owner owner) {
    this.ops = ops;
    this.target = target;
    this.owner = owner;
  }

  void extract(InputStream tar) throws IOException {
    TarArchiveInputStream in = new TarArchiveInputStream(tar);
    for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
      List<String> parts = components(e.getName());
      if (!parts.isEmpty()) {
        try (Fd parent = walk(parts.subList(0, parts.size() - 1), e.getName())) {
          make(parent, parts.get(parts.size() - 1), e, in);
        }
      }
    }
    while (!directories.isEmpty()) {
      TarArchiveEntry d = directories.pop();
      List<String> parts = components(d.getName());
      try (Fd parent = walk(parts.subList(0, parts.size() - 1), d.getName())) {
        String name = parts.get(parts.size() - 1);
        try (Fd dir = parent.child(name, NativeOps.O_PATH | NativeOps.O_DIRECTORY)) {
          ops.chmod(dir.path(), d.getMode() & 07777);
        }
        finish(parent, name, d);
      }
    }
  }

  private void make(Fd parent, String name, TarArchiveEntry e, InputStream content)
      throws IOException {
    Path at = parent.entry(name);
    BasicFileAttributes existing = lstat(at);
    if (e.isDirectory()) {
      if (existing != null && !existing.isDirectory()) {
        Files.delete(at);
      }
      if (existing == null || !existing.isDirectory()) {
        Files.createDirectory(at);
      }
      directories.push(e);
      return;
    }
    if (existing != null && existing.isDirectory()) {
      throw refuse(e.getName(), "cannot overwrite a directory with a non-directory");
    }
    if (existing != null) {
      Files.delete(at);
    }
    if (e.isSymbolicLink()) {
      Files.createSymbolicLink(at, Path.of(e.getLinkName()));
    } else if (e.isLink()) {
      List<String> parts = components(e.getLinkName());
      try (Fd linkParent = walk(parts.subList(0, parts.size() - 1), e.getName())) {
        Files.createLink(at, linkParent.entry(parts.get(parts.size() - 1)));
      }
      return; // a hard link shares its target's owner, mode and times
    } else if (e.isFIFO()) {
      ops.mknod(at, NativeOps.S_IFIFO | (e.getMode() & 07777), 0, 0);
    } else if (e.isFile()) {
      write(parent, name, e, content);
    } else {
      throw refuse(e.getName(), "device nodes and other special files are not copied");
    }
    finish(parent, name, e);
  }

  private void write(Fd parent, String name, TarArchiveEntry e, InputStream content)
      throws IOException {
    try (Fd file =
            Fd.open(
                ops,
                parent,
                name,
                NativeOps.O_WRONLY | NativeOps.O_CREAT | NativeOps.O_EXCL | NativeOps.O_NOFOLLOW,
                0600,
                NativeOps.RESOLVE_BENEATH
                    | NativeOps.RESOLVE_NO_SYMLINKS
                    | NativeOps.RESOLVE_NO_MAGICLINKS);
        OutputStream out = Files.newOutputStream(file.path(), StandardOpenOption.WRITE)) {
      content.transferTo(out);
      out.flush();
      ops.chmod(file.path(), e.getMode() & 07777);
    }
  }

  /** Owner and times of an entry made by name (never followed). */
  private void finish(Fd parent, String name, TarArchiveEntry e) throws IOException {
    Path at = parent.entry(name);
    if (ops.canChown()) {
      ops.lchown(
          at,
          owner != null ? owner.uid() : e.getLongUserId(),
          owner != null ? owner.gid() : e.getLongGroupId());
    }
    if (!e.isSymbolicLink() || ops.canChown()) {
      Instant t = e.getLastModifiedTime().toInstant();
      ops.setTimes(at, t.getEpochSecond(), t.getNano());
    }
  }

  /**
   * The directory {@code parts} below the target, made 0755 where missing; never through a symlink.
   */
  private Fd walk(List<String> parts, String entry) throws IOException {
    Fd dir =
        Fd.open(
            ops,
            target,
            ".",
            NativeOps.O_PATH | NativeOps.O_DIRECTORY,
            0,
            NativeOps.RESOLVE_BENEATH);
    for (String part : parts) {
      Fd next;
      try {
        BasicFileAttributes a = lstat(dir.entry(part));
        if (a == null) {
          Files.createDirectory(dir.entry(part));
          ops.chmod(dir.entry(part), 0755);
        } else if (!a.isDirectory()) {
          throw refuse(
              entry,
              "'"
                  + part
                  + "' on its path is "
                  + (a.isSymbolicLink() ? "a symbolic link" : "not a directory"));
        }
        next = dir.child(part, NativeOps.O_PATH | NativeOps.O_DIRECTORY);
      } finally {
        dir.close();
      }
      dir = next;
    }
    return dir;
  }

  /**
   * Components of an entry name ("./a//b/" → [a, b]); a leading "/" is the target itself, ".." is
   * refused.
   */
  static List<String> components(String name) {
    List<String> parts = new ArrayList<>();
    for (String part : name.split("/", -1)) {
      if (part.equals("..")) {
        throw refuse(name, "it contains '..'");
      }
      if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return parts;
  }

  private static BasicFileAttributes lstat(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  static ContainerException refuse(String entry, String why) {
    return new ContainerException(Kind.INVALID, "refusing archive entry '" + entry + "': " + why);
  }
}
