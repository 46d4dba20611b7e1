package dev.jcompose.model.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A location in a compose document: mapping keys and list indexes, e.g. {@code
 * services.web.ports[0]}. Immutable. Patterns (see {@link #matches}) use {@code *} for any one
 * element and {@code []} for any list index, as compose-go's tree.Path does.
 */
public final class TreePath {
  public static final TreePath ROOT = new TreePath(List.of());
  private final List<String> parts;

  private TreePath(List<String> parts) {
    this.parts = parts;
  }

  /** Parses a dotted pattern such as {@code services.*.ports.[].target}. */
  public static TreePath of(String dotted) {
    return dotted.isEmpty() ? ROOT : new TreePath(List.of(dotted.split("\\.")));
  }

  public TreePath key(String key) {
    return append(key);
  }

  public TreePath index(int i) {
    return append("[" + i + "]");
  }

  private TreePath append(String part) {
    List<String> next = new ArrayList<>(parts.size() + 1);
    next.addAll(parts);
    next.add(part);
    return new TreePath(List.copyOf(next));
  }

  public List<String> parts() {
    return parts;
  }

  public int size() {
    return parts.size();
  }

  public String last() {
    return parts.isEmpty() ? "" : parts.get(parts.size() - 1);
  }

  public TreePath parent() {
    return parts.isEmpty() ? this : new TreePath(parts.subList(0, parts.size() - 1));
  }

  /** True when this concrete path has the shape of {@code pattern}. */
  public boolean matches(TreePath pattern) {
    if (pattern.parts.size() != parts.size()) {
      return false;
    }
    for (int i = 0; i < parts.size(); i++) {
      String p = pattern.parts.get(i);
      String s = parts.get(i);
      boolean isIndex = s.startsWith("[") && s.endsWith("]");
      boolean ok = p.equals("*") || p.equals(s) || (p.equals("[]") && isIndex);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  public boolean matches(String pattern) {
    return matches(of(pattern));
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      if (b.length() > 0 && !p.startsWith("[")) {
        b.append('.');
      }
      b.append(p);
    }
    return b.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TreePath t && t.parts.equals(parts);
  }

  @Override
  public int hashCode() {
    return parts.hashCode();
  }

  /** Convenience for tests and tables. */
  public static TreePath ofParts(String... parts) {
    return new TreePath(List.copyOf(Arrays.asList(parts)));
  }
}
