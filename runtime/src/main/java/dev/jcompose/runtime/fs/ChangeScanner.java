package dev.jcompose.runtime.fs;

import dev.jcompose.runtime.api.ContainerRuntime.FileChange;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code docker diff} on overlayfs: every entry of a container's upper dir is a change, a whiteout
 * (char device 0/0, overlayfs.rst "whiteouts") a deletion, anything else an addition unless a lower
 * layer has the same path (then a change). The upper dir belongs to the running container, so it is
 * walked through descriptors ({@link Fd#child}), never following a name; the image's layers are
 * looked up component by component without following symlinks either.
 */
public final class ChangeScanner {
  private static final int S_IFMT = 0170000;
  private static final int S_IFCHR = 0020000;

  private final List<Path> layersTopFirst;
  private final List<FileChange> changes = new ArrayList<>();

  private ChangeScanner(List<Path> layersTopFirst) {
    this.layersTopFirst = layersTopFirst;
  }

  /** The changes in {@code upper} against the layers (bottom first), sorted by path. */
  public static List<FileChange> scan(NativeOps ops, Path upper, List<Path> layersBottomFirst)
      throws IOException {
    List<Path> top = new ArrayList<>(layersBottomFirst);
    Collections.reverse(top);
    ChangeScanner s = new ChangeScanner(top);
    try (Fd root =
        Fd.open(
            ops,
            null,
            upper.toString(),
            NativeOps.O_PATH | NativeOps.O_DIRECTORY | NativeOps.O_NOFOLLOW,
            0,
            0)) {
      s.directory(root, "");
    }
    return s.changes.stream().sorted(Comparator.comparing(FileChange::path)).toList();
  }

  private void directory(Fd dir, String path) throws IOException {
    List<String> names;
    try (Stream<Path> s = Files.list(dir.path())) {
      names = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    for (String name : names) {
      String child = path + "/" + name;
      Map<String, Object> a;
      try {
        a = Files.readAttributes(dir.entry(name), "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        continue;
      }
      int mode = (int) a.get("mode");
      if ((mode & S_IFMT) == S_IFCHR && (long) a.get("rdev") == 0) {
        changes.add(new FileChange('D', child));
        continue;
      }
      changes.add(new FileChange(inLowerLayers(child) ? 'C' : 'A', child));
      if (Files.isDirectory(dir.entry(name), LinkOption.NOFOLLOW_LINKS)) {
        try (Fd sub = dir.child(name, NativeOps.O_PATH | NativeOps.O_DIRECTORY)) {
          directory(sub, child);
        }
      }
    }
  }

  /** Whether some layer has {@code path}, reached through real directories only. */
  private boolean inLowerLayers(String path) throws IOException {
    for (Path layer : layersTopFirst) {
      Path p = layer;
      boolean found = true;
      String[] parts = path.substring(1).split("/", -1);
      for (int i = 0; i < parts.length && found; i++) {
        p = p.resolve(parts[i]);
        BasicFileAttributes a = lstat(p);
        found = a != null && (i == parts.length - 1 || a.isDirectory());
      }
      if (found) {
        return true;
      }
    }
    return false;
  }

  private static BasicFileAttributes lstat(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
