package dev.jcompose.model.merge;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the short volume syntax {@code [SOURCE:]TARGET[:MODE]} to find the target and
 * source (compose-go format.ParseVolume): a Windows drive letter ({@code C:\x}) is not a separator.
 */
public final class VolumeSpec {
  private VolumeSpec() {}

  /** The parts of a short volume spec split on its separators. */
  public static List<String> split(String spec) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < spec.length(); i++) {
      char c = spec.charAt(i);
      boolean drive =
          c == ':'
              && cur.length() == 1
              && Character.isLetter(cur.charAt(0))
              && i + 1 < spec.length()
              && (spec.charAt(i + 1) == '\\' || spec.charAt(i + 1) == '/');
      if (c == ':' && !drive) {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    parts.add(cur.toString());
    return parts;
  }

  public static String target(String spec) {
    List<String> parts = split(spec);
    return parts.size() == 1 ? parts.get(0) : parts.get(1);
  }
}
