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
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * {@link FileTree} over a descriptor of its root. Paths the user names are resolved with
 * openat2(RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS) from that descriptor (Linux 5.6): absolute
 * symlinks and {@code ..} stop at the root, as runc resolves mount targets (CVE-2021-30465 class);
 * everything below is walked one component at a time ({@link Fd#child}).
 */
public final class RootedTree implements FileTree {
  static final long IN_ROOT = NativeOps.RESOLVE_IN_ROOT | NativeOps.RESOLVE_NO_MAGICLINKS;
  private final NativeOps ops;
  private final Fd root;
  private final String label;

  private RootedTree(NativeOps ops, Fd root, String label) {
    this.ops = ops;
    this.root = root;
    this.label = label;
  }

  /**
   * The tree under the host directory {@code root} (e.g. {@code /proc/<pid>/root}); {@code label}
   * names it in errors.
   */
  public static RootedTree open(NativeOps ops, Path root, String label) {
    try {
      return new RootedTree(
          ops,
          Fd.open(ops, null, root.toString(), NativeOps.O_PATH | NativeOps.O_DIRECTORY, 0, 0),
          label);
    } catch (IOException e) {
      throw new ContainerException(
          Kind.NOT_FOUND, "cannot open the root of " + label + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Entry> stat(String path) {
    String[] split = split(path);
    try (Fd parent = resolveDir(split[0])) {
      if (split[1].isEmpty()) {
        return Optional.of(new Entry(true, false));
      }
      BasicFileAttributes a =
          Files.readAttributes(
              parent.entry(split[1]), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return Optional.of(new Entry(a.isDirectory(), a.isSymbolicLink()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (ContainerException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    } catch (IOException e) {
      throw failure("stat", path, e);
    }
  }

  @Override
  public void archive(
      String path,
      String nameInArchive,
      boolean followLink,
      boolean sameFileSystem,
      OutputStream tar) {
    String[] split = split(path);
    try (Fd parent = resolveDir(split[0])) {
      TreeArchiver archiver = new TreeArchiver(ops, tar, sameFileSystem);
      if (split[1].isEmpty()) {
        archiver.directory(parent, nameInArchive);
      } else if (followLink) {
        try (Fd target = Fd.open(ops, root, path, NativeOps.O_PATH, 0, IN_ROOT)) {
          archiver.opened(target, nameInArchive);
        }
      } else {
        archiver.entry(parent, split[1], nameInArchive);
      }
      archiver.finish();
    } catch (IOException e) {
      throw failure("read", path, e);
    }
  }

  /**
   * The whole tree as an OCI layer: an overlay upper dir's whiteouts and opaque directories in OCI
   * form.
   */
  public void archiveLayer(OutputStream tar) {
    try (Fd root = resolveDir("")) {
      TreeArchiver archiver = new TreeArchiver(ops, tar, false).overlayWhiteouts();
      archiver.directory(root, "");
      archiver.finish();
    } catch (IOException e) {
      throw failure("read", "/", e);
    }
  }

  @Override
  public void extract(String dir, InputStream tar, Owner owner) {
    try (Fd target = resolveDir(dir)) {
      new TreeExtractor(ops, target, owner).extract(tar);
    } catch (IOException e) {
      throw failure("write into", dir, e);
    }
  }

  @Override
  public void close() {
    root.close();
  }

  /** A directory named by the user, resolved inside the root (its symlinks followed there). */
  private Fd resolveDir(String path) {
    String rel = path.isEmpty() ? "." : path;
    try {
      return Fd.open(ops, root, rel, NativeOps.O_PATH | NativeOps.O_DIRECTORY, 0, IN_ROOT);
    } catch (IOException e) {
      throw new ContainerException(
          Kind.NOT_FOUND,
          "no such directory in "
              + label
              + ": "
              + (path.isEmpty() ? "/" : path)
              + " ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  /** {parent, last name} of a path; "/" and "" are the root itself (no last name). */
  static String[] split(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty() || p.equals("/") || p.equals(".")) {
      return new String[] {"", ""};
    }
    int slash = p.lastIndexOf('/');
    String name = p.substring(slash + 1);
    if (name.equals(".") || name.equals("..")) {
      return new String[] {p, ""};
    }
    return new String[] {slash <= 0 ? (slash == 0 ? "/" : "") : p.substring(0, slash), name};
  }

  private ContainerException failure(String what, String path, IOException e) {
    return new ContainerException(
        Kind.INVALID, "cannot " + what + " " + path + " in " + label + ": " + e.getMessage(), e);
  }
}
