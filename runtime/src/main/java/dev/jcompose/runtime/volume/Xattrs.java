package dev.jcompose.runtime.volume;

import dev.jcompose.runtime.sys.NativeOps;
import java.nio.file.Path;
import java.util.Map;

/**
 * Extended attributes in every namespace. Java's UserDefinedFileAttributeView reaches only {@code
 * user.*}, but copy-up needs {@code trusted.overlay.opaque} (to read opaque dirs) and should keep
 * {@code security.capability} (file capabilities such as ping's), so the real implementation makes
 * the system calls through {@link NativeOps}: no tool of any package is needed.
 */
interface Xattrs {

  /** Attributes of {@code path} itself (symlinks not followed); empty if none or unreadable. */
  Map<String, byte[]> get(Path path);

  /** Sets attributes on each path (symlinks not followed); failures are logged, not thrown. */
  void set(Map<Path, Map<String, byte[]>> attrs);

  static Xattrs of(NativeOps ops) {
    return new FsXattrs(ops);
  }

  /** For tests of what needs no attributes (unprivileged file systems, fakes). */
  static Xattrs none() {
    return new Xattrs() {
      @Override
      public Map<String, byte[]> get(Path path) {
        return Map.of();
      }

      @Override
      public void set(Map<Path, Map<String, byte[]>> attrs) {}
    };
  }
}
