package dev.jcompose.builder.plan;

import dev.jcompose.builder.ignore.PathClean;

/** Container paths relative to the working directory, as BuildKit normalises them. */
final class Paths {
  private Paths() {}

  /**
   * {@code path} made absolute against {@code workdir} and cleaned; a trailing "/" is kept when
   * {@code keepSlash}.
   */
  static String resolve(String workdir, String path, boolean keepSlash) {
    String joined =
        path.startsWith("/") ? path : (workdir.endsWith("/") ? workdir : workdir + "/") + path;
    String clean = PathClean.clean(joined);
    boolean slash = keepSlash && (path.endsWith("/") || path.endsWith("/.") || path.equals("."));
    return slash && !clean.equals("/") ? clean + "/" : clean;
  }

  static String resolve(String workdir, String path) {
    return resolve(workdir, path, false);
  }
}
