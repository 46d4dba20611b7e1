package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.util.List;
import java.util.Locale;

/** rlimit names as compose/docker spell them ("nofile", "RLIMIT_NOFILE") to resource numbers. */
final class Rlimits {
  /** Index = RLIMIT_* number on Linux. */
  private static final List<String> NAMES =
      List.of(
          "cpu",
          "fsize",
          "data",
          "stack",
          "core",
          "rss",
          "nproc",
          "nofile",
          "memlock",
          "as",
          "locks",
          "sigpending",
          "msgqueue",
          "nice",
          "rtprio",
          "rttime");

  /** RLIM_INFINITY as an unsigned decimal, what jcshim parses with strtoull. */
  static final String INFINITY = Long.toUnsignedString(-1L);

  private Rlimits() {}

  static int resource(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    n = n.startsWith("rlimit_") ? n.substring(7) : n;
    int r = NAMES.indexOf(n);
    if (r < 0) {
      throw new ContainerException(Kind.INVALID, "unknown ulimit '" + name + "'");
    }
    return r;
  }

  /** Negative = unlimited. */
  static String value(long v) {
    return v < 0 ? INFINITY : Long.toString(v);
  }
}
