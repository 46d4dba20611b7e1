package dev.jcompose.builder.ignore;

import java.util.ArrayList;
import java.util.List;

/**
 * Docker's ignore semantics (moby/patternmatcher {@code MatchesOrParentMatches}): patterns apply in
 * order, a later {@code !exception} re-includes what an earlier pattern excluded, and a pattern
 * that matches a parent directory matches everything below it. Paths are slash-separated and
 * relative to the context root. Immutable and thread-safe.
 */
public final class PatternMatcher {
  private final List<PathPattern> patterns;
  private final boolean exclusions;

  private PatternMatcher(List<PathPattern> patterns) {
    this.patterns = patterns;
    this.exclusions = patterns.stream().anyMatch(p -> p.exclusion);
  }

  public static PatternMatcher of(List<String> raw) {
    List<PathPattern> out = new ArrayList<>();
    for (String p : raw) {
      p = p.strip();
      if (p.isEmpty()) {
        continue;
      }
      p = PathClean.clean(p);
      boolean exclusion = p.charAt(0) == '!';
      if (exclusion) {
        if (p.length() == 1) {
          throw new IllegalArgumentException("illegal exclusion pattern: \"!\"");
        }
        p = p.substring(1);
      }
      out.add(new PathPattern(p, exclusion));
    }
    return new PatternMatcher(List.copyOf(out));
  }

  public static PatternMatcher none() {
    return new PatternMatcher(List.of());
  }

  public boolean isEmpty() {
    return patterns.isEmpty();
  }

  /**
   * Whether any pattern is an {@code !exception}: an excluded directory may then hold included
   * files.
   */
  public boolean hasExclusions() {
    return exclusions;
  }

  /** True if {@code path} is ignored: matched (or a parent matched) and not re-included later. */
  public boolean matches(String path) {
    String file = PathClean.clean(path);
    if (file.equals(".")) {
      return false; // the context root itself is never ignored
    }
    int slash = file.lastIndexOf('/');
    String[] parents = slash < 0 ? new String[0] : file.substring(0, slash).split("/", -1);
    boolean matched = false;
    for (PathPattern pattern : patterns) {
      if (pattern.exclusion != matched) {
        continue; // an inclusion cannot change a match, an exception only an existing one
      }
      boolean match = pattern.matches(file);
      for (int i = 0; !match && i < parents.length; i++) {
        match = pattern.matches(String.join("/", java.util.Arrays.copyOfRange(parents, 0, i + 1)));
      }
      if (match) {
        matched = !pattern.exclusion;
      }
    }
    return matched;
  }

  /**
   * Whether an ignored directory must still be walked because an exception re-includes something
   * below it. As fsutil's walker (and docker's classic builder): only exceptions whose text starts
   * with the directory's path count; wildcards in front do not.
   */
  public boolean mayIncludeBelow(String dir) {
    if (!exclusions) {
      return false;
    }
    String prefix = PathClean.clean(dir) + "/";
    return patterns.stream().anyMatch(p -> p.exclusion && (p.cleaned + "/").startsWith(prefix));
  }
}
