package dev.jcompose.runtime.volume;

import java.nio.file.Path;
import java.util.Map;

/**
 * Extended attributes in every namespace. Java's UserDefinedFileAttributeView reaches only
 * {@code user.*}, but copy-up needs {@code trusted.overlay.opaque} (to read opaque dirs) and should
 * keep {@code security.capability} (file capabilities such as ping's), so the real implementation
 * drives getfattr/setfattr from the attr package. Without them only {@code .wh..wh..opq} markers
 * count as opaque and xattrs are not copied (a warning says so once).
 */
interface Xattrs {

  /** Attributes of {@code path} itself (symlinks not followed); empty if none. */
  Map<String, byte[]> get(Path path);

  /** Attributes of every entry under {@code top} (inclusive), keyed by absolute path. */
  Map<Path, Map<String, byte[]>> getTree(Path top);

  /** Sets attributes on each path (symlinks not followed); failures are logged, not thrown. */
  void set(Map<Path, Map<String, byte[]>> attrs);

  static Xattrs fromTools() {
    if (AttrTools.available()) {
      return new AttrTools();
    }
    System.getLogger(Xattrs.class.getName()).log(System.Logger.Level.WARNING,
        "getfattr/setfattr not found (package 'attr'): copy-up will ignore opaque-dir xattrs and not copy xattrs");
    return none();
  }

  static Xattrs none() {
    return new Xattrs() {
      @Override
      public Map<String, byte[]> get(Path path) {
        return Map.of();
      }

      @Override
      public Map<Path, Map<String, byte[]>> getTree(Path top) {
        return Map.of();
      }

      @Override
      public void set(Map<Path, Map<String, byte[]>> attrs) {}
    };
  }
}
