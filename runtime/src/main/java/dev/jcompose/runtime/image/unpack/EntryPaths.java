package dev.jcompose.runtime.image.unpack;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps tar entry names to paths inside a layer directory without ever leaving it. Names are cleaned
 * lexically as docker and containerd do (Go's filepath.Clean, then joined to the root): a leading
 * {@code /} means the layer's root, {@code a/../b} is {@code b}, and a name whose {@code ..} climbs
 * above the root is refused (moby's breakoutError). Every parent component is checked with lstat,
 * so a symlink planted by an earlier entry is never followed.
 */
final class EntryPaths {
  private final Path root;

  private final NativeOps ops;

  EntryPaths(Path root, NativeOps ops) {
    this.root = root;
    this.ops = ops;
  }

  /**
   * Components of {@code name} below the root ("/./a//b/../c/" → [a, c]); refuses names that climb
   * out.
   */
  static List<String> components(String name, String role) {
    List<String> parts = new ArrayList<>();
    for (String part : name.split("/", -1)) {
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          throw refuse(name, role + " climbs out of the layer with '..'");
        }
        parts.remove(parts.size() - 1);
      } else if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return parts;
  }

  /** The directory holding {@code parts}' last element; missing parents are created (0755). */
  Path parentDir(String name, List<String> parts, boolean create) throws IOException {
    Path dir = root;
    for (String part : parts.subList(0, parts.size() - 1)) {
      dir = dir.resolve(part);
      BasicFileAttributes attrs = lstat(dir);
      if (attrs == null && create) {
        Files.createDirectory(dir);
        ops.chmod(dir, 0755); // what tar and containerd give implicit parents, whatever the umask
      } else if (attrs == null) {
        throw refuse(name, "parent '" + root.relativize(dir) + "' does not exist in the layer");
      } else if (!attrs.isDirectory()) {
        // isDirectory() on NOFOLLOW attributes is false for a symlink to a directory
        throw refuse(
            name,
            "parent '"
                + root.relativize(dir)
                + "' is "
                + (attrs.isSymbolicLink() ? "a symlink" : "not a directory"));
      }
    }
    return dir;
  }

  /** File attributes without following symlinks; null if absent. */
  static BasicFileAttributes lstat(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  static ContainerException refuse(String entry, String why) {
    return new ContainerException(Kind.INVALID, "refusing layer entry '" + entry + "': " + why);
  }
}
