package dev.jcompose.builder.exec;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * One thing COPY writes, wherever it comes from (a build context, a stage, an image): its path
 * below the copied source ("" = the source itself), type, permission bits, time, link target, and
 * for files the host file holding the content.
 */
record SourceFile(
    String rel, Type type, int mode, FileTime mtime, String linkTarget, Path content) {
  enum Type {
    FILE,
    DIR,
    SYMLINK,
    FIFO
  }

  /**
   * A selected source: the name it is copied under and its files, itself first; {@code local} for a
   * build-context file (the only kind ADD extracts when it is a tar).
   */
  record Tree(String name, java.util.List<SourceFile> files, boolean local) {
    SourceFile top() {
      return files.get(0);
    }
  }
}
