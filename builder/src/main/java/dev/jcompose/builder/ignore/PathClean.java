package dev.jcompose.builder.ignore;

import java.util.ArrayList;
import java.util.List;

/** Go's {@code path.Clean}: the shortest lexically equal slash path ("" becomes "."). */
public final class PathClean {
  private PathClean() {}

  public static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.startsWith("/");
    List<String> out = new ArrayList<>();
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
          out.remove(out.size() - 1);
        } else if (!rooted) {
          out.add(part);
        }
        continue;
      }
      out.add(part);
    }
    String joined = String.join("/", out);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }
}
