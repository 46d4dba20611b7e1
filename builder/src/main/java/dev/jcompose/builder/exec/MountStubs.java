package dev.jcompose.builder.exec;

import dev.jcompose.runtime.fs.LayerView;
import dev.jcompose.runtime.fs.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mount points the runtime had to create in a RUN container's root (an /etc/hosts the image lacks,
 * a cache mount's target) are not the command's output: like BuildKit's mount-stub cleaner, targets
 * missing before the run are removed from the upper dir afterwards if they are still empty, and so
 * are directories the stub creation alone copied up.
 */
final class MountStubs {
  private final List<String> missing = new ArrayList<>();
  private final LayerView below;

  /**
   * @param targets absolute mount targets of the container
   */
  MountStubs(LayerView below, List<String> targets) {
    this.below = below;
    for (String t : targets) {
      String canonical = below.canonical(t);
      if (below.resolve(canonical).isEmpty()) {
        missing.add(canonical);
      }
    }
  }

  void clean(Path upper) throws IOException {
    for (String stub : missing) {
      Path p = upper.resolve(stub.substring(1));
      if (isEmptyStub(p)) {
        Files.delete(p);
        pruneParents(upper, p.getParent());
      }
    }
  }

  private void pruneParents(Path upper, Path dir) throws IOException {
    while (dir != null
        && !dir.equals(upper)
        && dir.startsWith(upper)
        && Trees.isEmptyDir(dir)
        && unchanged(upper, dir)) {
      Files.delete(dir);
      dir = dir.getParent();
    }
  }

  // A copied-up directory that differs from below only in its time carries no change.
  private boolean unchanged(Path upper, Path dir) throws IOException {
    Optional<LayerView.Entry> before = below.resolve("/" + upper.relativize(dir));
    if (before.isEmpty()) {
      return true;
    }
    if (!before.get().isDir()) {
      return false;
    }
    Map<String, Object> now =
        Files.readAttributes(dir, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
    Map<String, Object> was =
        Files.readAttributes(before.get().top(), "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
    return now.equals(was);
  }

  private static boolean isEmptyStub(Path p) throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      return false;
    }
    return (a.isRegularFile() && a.size() == 0) || (a.isDirectory() && Trees.isEmptyDir(p));
  }
}
