package dev.jcompose.convert.k8s;

import dev.jcompose.convert.api.Finding;
import dev.jcompose.model.api.SourceMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects findings, each located where its attribute was written (or its nearest written parent).
 */
final class Findings {
  private final SourceMap sources;
  private final List<Finding> found = new ArrayList<>();

  Findings(SourceMap sources) {
    this.sources = sources;
  }

  /**
   * Reports {@code message} about the attribute at {@code path} ({@code "services", "web", "ports",
   * "0"}).
   */
  void report(String message, String... path) {
    Finding f = new Finding(sources.nearest(path).orElse(""), String.join(".", path), message);
    if (!found.contains(f)) {
      found.add(f);
    }
  }

  /**
   * True if the compose files write the attribute at {@code path} (defaults filled in by compose
   * are not).
   */
  boolean written(String... path) {
    return sources.where(path).isPresent();
  }

  /** In the order they were written in the files (file, line, column); unlocated ones last. */
  List<Finding> all() {
    return found.stream()
        .sorted(
            java.util.Comparator.comparing((Finding f) -> position(f.location()))
                .thenComparing(
                    f ->
                        f.location().isEmpty()
                            ? ""
                            : f.location().substring(0, f.location().indexOf(':'))))
        .toList();
  }

  /** {@code file:line:column} as a sortable key: file, then zero-padded line and column. */
  private static String position(String location) {
    String[] p = location.split(":", -1);
    if (p.length < 3) {
      return "\uffff";
    }
    String file = String.join(":", java.util.Arrays.copyOf(p, p.length - 2));
    return file
        + String.format(
            "\u0000%09d%09d", Long.parseLong(p[p.length - 2]), Long.parseLong(p[p.length - 1]));
  }
}
