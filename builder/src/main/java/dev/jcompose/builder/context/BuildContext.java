package dev.jcompose.builder.context;

import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.api.BuildException.Kind;
import dev.jcompose.builder.ignore.PathClean;
import dev.jcompose.builder.ignore.PatternMatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A build context directory as COPY, ADD and bind mounts see it: only what {@code .dockerignore}
 * leaves visible, and never anything outside the directory. A source that leaves it — through
 * {@code ..} or through a symlink, however deep — is refused (docker's classic builder refuses too;
 * BuildKit would clamp it silently). Symlinks inside copied directories are copied as links, never
 * followed. Thread-safe (reads only).
 */
public final class BuildContext {
  private static final int MAX_LINKS = 40;
  private static final int S_IFMT = 0170000;
  private final Path root;
  private final PatternMatcher ignore;
  private final String label;

  private BuildContext(Path root, PatternMatcher ignore, String label) {
    this.root = root;
    this.ignore = ignore;
    this.label = label;
  }

  /**
   * Opens the context at {@code dir} with its ignore rules.
   *
   * @param label how errors name it: "build context" or "build context \"name\""
   */
  public static BuildContext open(Path dir, PatternMatcher ignore, String label) {
    try {
      Path real = dir.toRealPath();
      if (!Files.isDirectory(real)) {
        throw new BuildException(Kind.INVALID, label + " " + dir + " is not a directory");
      }
      return new BuildContext(real, ignore, label);
    } catch (NoSuchFileException e) {
      throw new BuildException(Kind.NOT_FOUND, label + " " + dir + " does not exist");
    } catch (IOException e) {
      throw new BuildException(
          Kind.INVALID, "cannot open " + label + " " + dir + ": " + e.getMessage(), e);
    }
  }

  public Path root() {
    return root;
  }

  /**
   * One selected source: the name it is copied under, then itself and (for a directory) all it
   * holds.
   */
  public record Source(String name, List<ContextEntry> entries) {
    public ContextEntry top() {
      return entries.get(0);
    }
  }

  /**
   * The sources {@code pattern} selects (wildcards per component, as filepath.Match), sorted; empty
   * for a wildcard that matches nothing. {@code excludes} apply below each source.
   */
  public List<Source> select(String pattern, PatternMatcher excludes) {
    String rel = relative(pattern);
    List<String> parts = rel.isEmpty() ? List.of() : Arrays.asList(rel.split("/", -1));
    boolean wildcard = parts.stream().anyMatch(Glob::isPattern);
    List<Map.Entry<String, Path>> found = new ArrayList<>();
    if (!wildcard) {
      Path p = resolve(parts, pattern);
      if (p != null) {
        found.add(Map.entry(parts.isEmpty() ? "" : parts.get(parts.size() - 1), p));
      }
    } else {
      expand(root, parts, 0, "", pattern, found);
    }
    if (found.isEmpty() && !wildcard) {
      throw new BuildException(Kind.NOT_FOUND, "\"" + pattern + "\" not found in the " + label);
    }
    List<Source> out = new ArrayList<>();
    for (Map.Entry<String, Path> f : found) {
      out.add(new Source(f.getKey(), walk(f.getValue(), excludes)));
    }
    return out;
  }

  private String relative(String pattern) {
    String clean = PathClean.clean(pattern);
    String rel = clean.startsWith("/") ? clean.substring(1) : clean;
    if (rel.equals("..") || rel.startsWith("../")) {
      throw outside(pattern, "it is outside the " + label);
    }
    return rel.equals(".") ? "" : rel;
  }

  // Wildcard components list directories; literal ones resolve like a path.
  private void expand(
      Path dir,
      List<String> parts,
      int i,
      String name,
      String pattern,
      List<Map.Entry<String, Path>> found) {
    if (i == parts.size()) {
      found.add(Map.entry(name, dir));
      return;
    }
    String part = parts.get(i);
    List<String> names = new ArrayList<>();
    if (Glob.isPattern(part)) {
      Glob glob = Glob.of(part);
      list(dir).stream().filter(glob::matches).forEach(names::add);
    } else {
      names.add(part);
    }
    for (String n : names) {
      Path child = step(dir, n, pattern, i < parts.size() - 1);
      if (child != null
          && (i == parts.size() - 1 || Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS))) {
        expand(child, parts, i + 1, n, pattern, found);
      }
    }
  }

  /** Resolves literal components from the root, following symlinks inside the context only. */
  private Path resolve(List<String> parts, String pattern) {
    Path current = root;
    for (int i = 0; i < parts.size(); i++) {
      current = step(current, parts.get(i), pattern, i < parts.size() - 1);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  // One component: null if absent or ignored; symlinks are followed to a real path inside the
  // context.
  private Path step(Path dir, String name, String pattern, boolean intermediate) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    Path child = dir.resolve(name);
    if (!visible(child, intermediate)) {
      return null;
    }
    return Files.isSymbolicLink(child) ? follow(child, pattern, intermediate) : exists(child);
  }

  private Path follow(Path link, String pattern, boolean intermediate) {
    Deque<String> todo = new ArrayDeque<>();
    List<String> done = new ArrayList<>(components(root.relativize(link.getParent())));
    pushTarget(link, todo, done, pattern);
    int links = 1;
    Path current = root.resolve(String.join("/", done));
    while (!todo.isEmpty()) {
      String c = todo.removeFirst();
      if (c.equals("..")) {
        if (done.isEmpty()) {
          throw outside(pattern, "symlink " + rel(link) + " points outside the " + label);
        }
        done.remove(done.size() - 1);
        current = root.resolve(String.join("/", done));
        continue;
      }
      Path next = current.resolve(c);
      if (!visible(next, true)) {
        return null;
      }
      if (Files.isSymbolicLink(next)) {
        if (++links > MAX_LINKS) {
          throw new BuildException(
              Kind.INVALID, "too many levels of symbolic links in \"" + pattern + "\"");
        }
        pushTarget(next, todo, done, pattern);
        current = root.resolve(String.join("/", done));
        continue;
      }
      if (exists(next) == null) {
        return null;
      }
      done.add(c);
      current = next;
    }
    return visible(current, intermediate) ? current : null;
  }

  // Queues a link's target; an absolute target must lie inside the context (by its host path).
  private void pushTarget(Path link, Deque<String> todo, List<String> done, String pattern) {
    String target;
    try {
      target = Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (target.startsWith("/")) {
      Path abs = Path.of(PathClean.clean(target));
      if (!abs.startsWith(root)) {
        throw outside(
            pattern,
            "symlink " + rel(link) + " points outside the " + label + " (to " + target + ")");
      }
      done.clear();
      target = root.relativize(abs).toString();
    }
    List<String> parts = components(Path.of(target.isEmpty() ? "." : target));
    for (int k = parts.size() - 1; k >= 0; k--) {
      todo.addFirst(parts.get(k));
    }
  }

  private static List<String> components(Path p) {
    List<String> out = new ArrayList<>();
    for (Path c : p) {
      String s = c.toString();
      if (!s.isEmpty() && !s.equals(".")) {
        out.add(s);
      }
    }
    return out;
  }

  private boolean visible(Path p, boolean intermediate) {
    String rel = rel(p);
    if (rel.isEmpty() || !ignore.matches(rel)) {
      return true;
    }
    // an ignored directory stays when an exception may bring back something below it
    return ignore.mayIncludeBelow(rel)
        && (intermediate || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS));
  }

  private String rel(Path p) {
    return root.relativize(p).toString();
  }

  private static Path exists(Path p) {
    return Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? p : null;
  }

  private List<String> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new BuildException(
          Kind.INVALID, "cannot read " + rel(dir) + " in the " + label + ": " + e.getMessage(), e);
    }
  }

  private BuildException outside(String pattern, String why) {
    return new BuildException(Kind.INVALID, "refusing source \"" + pattern + "\": " + why);
  }

  /**
   * The source itself, then (directories) everything visible below it, parents before children, by
   * name.
   */
  private List<ContextEntry> walk(Path top, PatternMatcher excludes) {
    List<ContextEntry> out = new ArrayList<>();
    out.add(entry(top, ""));
    if (out.get(0).kind() == ContextEntry.Kind.DIR) {
      walkDir(top, "", excludes, out);
    }
    return out;
  }

  private void walkDir(Path dir, String srcRel, PatternMatcher excludes, List<ContextEntry> out) {
    for (String name : list(dir)) {
      Path child = dir.resolve(name);
      String ctxRel = rel(child);
      String rel = srcRel.isEmpty() ? name : srcRel + "/" + name;
      boolean hidden = ignore.matches(ctxRel) || excludes.matches(rel);
      ContextEntry e = entry(child, rel);
      if (e == null) {
        continue;
      }
      if (e.kind() == ContextEntry.Kind.DIR) {
        if (hidden && !ignore.mayIncludeBelow(ctxRel) && !excludes.mayIncludeBelow(rel)) {
          continue;
        }
        List<ContextEntry> below = new ArrayList<>();
        walkDir(child, rel, excludes, below);
        if (!hidden || !below.isEmpty()) {
          out.add(e); // an ignored directory still appears as the parent of what an exception
          // re-includes
          out.addAll(below);
        }
      } else if (!hidden) {
        out.add(e);
      }
    }
  }

  private ContextEntry entry(Path p, String rel) {
    Map<String, Object> a;
    try {
      a = Files.readAttributes(p, "unix:mode,size,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new BuildException(
          Kind.INVALID, "cannot read " + rel(p) + " in the " + label + ": " + e.getMessage(), e);
    }
    int mode = (Integer) a.get("mode");
    long mtime =
        ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime"))
            .to(java.util.concurrent.TimeUnit.NANOSECONDS);
    long size = (Long) a.get("size");
    return switch (mode & S_IFMT) {
      case 0100000 ->
          new ContextEntry(rel, p, ContextEntry.Kind.FILE, mode & 07777, size, mtime, null);
      case 0040000 -> new ContextEntry(rel, p, ContextEntry.Kind.DIR, mode & 07777, 0, mtime, null);
      case 0120000 -> symlink(rel, p, mtime);
      case 0010000 ->
          new ContextEntry(rel, p, ContextEntry.Kind.FIFO, mode & 07777, 0, mtime, null);
      case 0140000 -> null; // sockets are skipped, as by docker
      default ->
          throw new BuildException(
              Kind.INVALID,
              "refusing "
                  + rel(p)
                  + " in the "
                  + label
                  + ": device files cannot be copied into an image");
    };
  }

  private static ContextEntry symlink(String rel, Path p, long mtime) {
    try {
      return new ContextEntry(
          rel, p, ContextEntry.Kind.SYMLINK, 0777, 0, mtime, Files.readSymbolicLink(p).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
