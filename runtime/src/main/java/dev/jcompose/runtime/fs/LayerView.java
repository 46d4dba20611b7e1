package dev.jcompose.runtime.fs;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The merged view overlayfs would show of unpacked layer directories, computed in Java (kernel
 * Documentation/filesystems/overlayfs.rst): looking a name up goes through the layers top-down; a
 * whiteout (char device 0/0, or an AUFS-style {@code .wh.NAME} file) hides it below, a
 * non-directory ends the search, directories merge until one is opaque ({@code
 * trusted.overlay.opaque=y}, or a {@code .wh..wh..opq} marker).
 *
 * <p>Only real directories are ever descended (checked without following links), so nothing outside
 * the layer directories is read; symlinks met while resolving a path are followed INSIDE the view,
 * with {@code ..} clamped at its root, as a chroot would (securejoin's rule). Used by volume
 * copy-up and by the builder (COPY destinations, COPY --from sources).
 */
public final class LayerView {
  private static final int MAX_LINKS = 40;
  private static final int S_IFMT = 0170000;
  private static final int S_IFCHR = 0020000;
  private static final String WH = ".wh.";
  private static final String OPAQUE_MARKER = ".wh..wh..opq";

  /** A merged entry: a directory stack (top first) or a single non-directory. */
  public record Entry(List<Path> dirs, Path node) {
    public boolean isDir() {
      return node == null;
    }

    /** The directory or file whose metadata (and content) the merged view shows. */
    public Path top() {
      return isDir() ? dirs.get(0) : node;
    }
  }

  private final List<Path> topFirst;
  private final Predicate<Path> opaqueXattr;

  /**
   * @param opaqueXattr whether a layer directory carries {@code trusted.overlay.opaque=y} (the
   *     caller reads xattrs its own way); {@code .wh..wh..opq} markers are checked here
   */
  public LayerView(List<Path> bottomFirst, Predicate<Path> opaqueXattr) {
    List<Path> layers = new ArrayList<>(bottomFirst.stream().map(Path::toAbsolutePath).toList());
    Collections.reverse(layers);
    this.topFirst = List.copyOf(layers);
    this.opaqueXattr = opaqueXattr;
  }

  public Entry root() {
    return new Entry(topFirst.stream().filter(Files::isDirectory).toList(), null);
  }

  /** The merged child {@code name} of directory {@code dir}, if visible. */
  public Optional<Entry> child(Entry dir, String name) {
    List<Path> dirs = new ArrayList<>();
    for (Path layerDir : dir.dirs()) {
      Path p = layerDir.resolve(name);
      if (isWhiteout(p)
          || (dirs.isEmpty()
              && Files.exists(layerDir.resolve(WH + name), LinkOption.NOFOLLOW_LINKS))) {
        break;
      }
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        dirs.add(p);
        if (isOpaque(p)) {
          break;
        }
      } else if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        if (dirs.isEmpty()) {
          return Optional.of(new Entry(List.of(), p));
        }
        break;
      }
    }
    return dirs.isEmpty() ? Optional.empty() : Optional.of(new Entry(List.copyOf(dirs), null));
  }

  /** Names visible in a merged directory, sorted (whiteouts and AUFS markers excluded). */
  public List<String> names(Entry dir) {
    TreeSet<String> candidates = new TreeSet<>();
    for (Path layerDir : dir.dirs()) {
      try (Stream<Path> entries = Files.list(layerDir)) {
        entries
            .map(p -> p.getFileName().toString())
            .filter(n -> !n.startsWith(WH))
            .forEach(candidates::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return candidates.stream().filter(n -> child(dir, n).isPresent()).toList();
  }

  /** Resolves an absolute path inside the view, following symlinks without leaving it. */
  public Optional<Entry> resolve(String path) {
    Deque<String> todo = new ArrayDeque<>(components(path));
    List<String> done = new ArrayList<>();
    Entry current = root();
    int links = 0;
    while (!todo.isEmpty()) {
      String c = todo.removeFirst();
      if (c.equals("..")) {
        if (!done.isEmpty()) {
          done.remove(done.size() - 1);
        }
        current = walk(done);
        continue;
      }
      Optional<Entry> next = current.isDir() ? child(current, c) : Optional.empty();
      if (next.isEmpty()) {
        return Optional.empty();
      }
      Path node = next.get().node();
      if (node != null && Files.isSymbolicLink(node)) {
        if (++links > MAX_LINKS) {
          throw new ContainerException(
              Kind.INVALID,
              "too many levels of symbolic links resolving " + path + " in the image");
        }
        String target = readLink(node);
        List<String> more = components(target);
        for (int i = more.size() - 1; i >= 0; i--) {
          todo.addFirst(more.get(i));
        }
        if (target.startsWith("/")) {
          done.clear();
          current = root();
        }
        continue;
      }
      done.add(c);
      current = next.get();
    }
    return Optional.of(current);
  }

  /**
   * The symlink-free form of an absolute path in the view (securejoin's SecureJoin inside the
   * view): symlinks of existing components are followed, {@code ..} clamped at the root, and the
   * components from the first missing one on appended as written. For writing into a new layer at
   * the place a path names in the image.
   */
  public String canonical(String path) {
    Deque<String> todo = new ArrayDeque<>(components(path));
    List<String> done = new ArrayList<>();
    Entry current = root();
    int links = 0;
    while (!todo.isEmpty()) {
      String c = todo.removeFirst();
      if (c.equals("..")) {
        if (!done.isEmpty()) {
          done.remove(done.size() - 1);
        }
        current = walkOrNull(done);
        continue;
      }
      Optional<Entry> next =
          current != null && current.isDir() ? child(current, c) : Optional.empty();
      if (next.isPresent()
          && next.get().node() != null
          && Files.isSymbolicLink(next.get().node())) {
        if (++links > MAX_LINKS) {
          throw new ContainerException(
              Kind.INVALID,
              "too many levels of symbolic links resolving " + path + " in the image");
        }
        String target = readLink(next.get().node());
        List<String> more = components(target);
        for (int i = more.size() - 1; i >= 0; i--) {
          todo.addFirst(more.get(i));
        }
        if (target.startsWith("/")) {
          done.clear();
          current = root();
        }
        continue;
      }
      done.add(c);
      current = next.orElse(null);
    }
    return "/" + String.join("/", done);
  }

  private Entry walkOrNull(List<String> names) {
    Entry e = root();
    for (String n : names) {
      Optional<Entry> next = e.isDir() ? child(e, n) : Optional.empty();
      if (next.isEmpty()) {
        return null;
      }
      e = next.get();
    }
    return e;
  }

  private Entry walk(List<String> names) {
    Entry e = root();
    for (String n : names) {
      e = child(e, n).orElseThrow();
    }
    return e;
  }

  private static List<String> components(String path) {
    return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty() && !s.equals(".")).toList();
  }

  private static String readLink(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static boolean isWhiteout(Path p) {
    try {
      Map<String, Object> a = Files.readAttributes(p, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
      return ((Integer) a.get("mode") & S_IFMT) == S_IFCHR && (Long) a.get("rdev") == 0L;
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean isOpaque(Path dir) {
    if (Files.exists(dir.resolve(OPAQUE_MARKER), LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    return opaqueXattr.test(dir);
  }
}
