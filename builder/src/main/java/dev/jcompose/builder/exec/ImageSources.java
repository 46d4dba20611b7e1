package dev.jcompose.builder.exec;

import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.api.BuildException.Kind;
import dev.jcompose.builder.ignore.PathClean;
import dev.jcompose.builder.ignore.PatternMatcher;
import dev.jcompose.runtime.fs.LayerView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * COPY --from sources: paths (wildcards allowed) in another stage's or image's merged filesystem,
 * resolved with symlinks followed inside that filesystem only; directories walked through the
 * merged view (whiteouts and opaque directories respected), nested symlinks copied as links.
 */
final class ImageSources {
  private static final int S_IFMT = 0170000;
  private final LayerView view;
  private final String label;

  ImageSources(LayerView view, String label) {
    this.view = view;
    this.label = label;
  }

  List<SourceFile.Tree> select(String pattern, PatternMatcher excludes) {
    String clean = PathClean.clean("/" + pattern);
    List<String> parts = LayerWriter.components(clean);
    boolean wildcard =
        parts.stream().anyMatch(p -> p.contains("*") || p.contains("?") || p.contains("["));
    List<String> matches = new ArrayList<>();
    expand("", parts, 0, matches);
    if (matches.isEmpty() && !wildcard) {
      throw new BuildException(Kind.NOT_FOUND, "\"" + pattern + "\" not found in " + label);
    }
    List<SourceFile.Tree> out = new ArrayList<>();
    for (String m : matches) {
      LayerView.Entry e = view.resolve(m).orElseThrow();
      String name = m.substring(m.lastIndexOf('/') + 1);
      List<SourceFile> files = new ArrayList<>();
      SourceFile top = file("", e);
      if (top == null) {
        throw new BuildException(
            Kind.INVALID,
            "\"" + m + "\" in " + label + " is a device or socket and cannot be copied");
      }
      files.add(top);
      if (e.isDir()) {
        walk(e, "", excludes, files);
      }
      out.add(new SourceFile.Tree(name, files, false));
    }
    return out;
  }

  private void expand(String prefix, List<String> parts, int i, List<String> out) {
    if (i == parts.size()) {
      if (view.resolve(prefix.isEmpty() ? "/" : prefix).isPresent()) {
        out.add(prefix.isEmpty() ? "/" : prefix);
      }
      return;
    }
    String part = parts.get(i);
    if (!(part.contains("*") || part.contains("?") || part.contains("["))) {
      expand(prefix + "/" + part, parts, i + 1, out);
      return;
    }
    Optional<LayerView.Entry> dir = view.resolve(prefix.isEmpty() ? "/" : prefix);
    if (dir.isEmpty() || !dir.get().isDir()) {
      return;
    }
    java.util.regex.Pattern glob = java.util.regex.Pattern.compile(globRegex(part));
    for (String name : view.names(dir.get())) {
      if (glob.matcher(name).matches()) {
        expand(prefix + "/" + name, parts, i + 1, out);
      }
    }
  }

  private static String globRegex(String part) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      re.append(
          c == '*'
              ? ".*"
              : c == '?'
                  ? "."
                  : c == '[' || c == ']'
                      ? String.valueOf(c)
                      : java.util.regex.Pattern.quote(String.valueOf(c)));
    }
    return re.toString();
  }

  private void walk(
      LayerView.Entry dir, String rel, PatternMatcher excludes, List<SourceFile> out) {
    for (String name : view.names(dir)) {
      String childRel = rel.isEmpty() ? name : rel + "/" + name;
      LayerView.Entry child = view.child(dir, name).orElseThrow();
      boolean excluded = excludes.matches(childRel);
      if (child.isDir()) {
        if (excluded && !excludes.mayIncludeBelow(childRel)) {
          continue;
        }
        List<SourceFile> below = new ArrayList<>();
        walk(child, childRel, excludes, below);
        if (!excluded || !below.isEmpty()) {
          out.add(file(childRel, child));
          out.addAll(below);
        }
      } else if (!excluded) {
        SourceFile f = file(childRel, child);
        if (f != null) {
          out.add(f);
        }
      }
    }
  }

  private SourceFile file(String rel, LayerView.Entry e) {
    Path p = e.top();
    try {
      Map<String, Object> a =
          Files.readAttributes(p, "unix:mode,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
      int mode = (Integer) a.get("mode");
      FileTime t = (FileTime) a.get("lastModifiedTime");
      return switch (mode & S_IFMT) {
        case 0040000 -> new SourceFile(rel, SourceFile.Type.DIR, mode & 07777, t, null, null);
        case 0100000 -> new SourceFile(rel, SourceFile.Type.FILE, mode & 07777, t, null, p);
        case 0120000 ->
            new SourceFile(
                rel, SourceFile.Type.SYMLINK, 0777, t, Files.readSymbolicLink(p).toString(), null);
        case 0010000 -> new SourceFile(rel, SourceFile.Type.FIFO, mode & 07777, t, null, null);
        default -> null; // devices and sockets of an image are not copied
      };
    } catch (IOException e2) {
      throw new UncheckedIOException(e2);
    }
  }
}
