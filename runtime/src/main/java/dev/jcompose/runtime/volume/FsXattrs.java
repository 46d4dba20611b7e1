package dev.jcompose.runtime.volume;

import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Xattrs} by llistxattr/lgetxattr/lsetxattr. Copy-up is best effort like docker's: an
 * attribute that cannot be read or set (a file system without xattrs, a namespace we may not write)
 * is reported once per call, and the copy goes on.
 */
final class FsXattrs implements Xattrs {
  private static final System.Logger LOG = System.getLogger(FsXattrs.class.getName());
  private final NativeOps ops;

  FsXattrs(NativeOps ops) {
    this.ops = ops;
  }

  @Override
  public Map<String, byte[]> get(Path path) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try {
      for (String name : ops.llistxattr(path)) {
        ops.lgetxattr(path, name)
            .ifPresent(v -> out.put(name, v)); // absent: removed since the list
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot read extended attributes: " + e.getMessage());
    }
    return out;
  }

  @Override
  public void set(Map<Path, Map<String, byte[]>> attrs) {
    int failed = 0;
    String first = null;
    for (var file : attrs.entrySet()) {
      for (var attr : file.getValue().entrySet()) {
        try {
          ops.lsetxattr(file.getKey(), attr.getKey(), attr.getValue());
        } catch (IOException e) {
          failed++;
          first = first == null ? e.getMessage() : first;
        }
      }
    }
    if (failed > 0) {
      LOG.log(Level.WARNING, failed + " extended attributes were not copied, first: " + first);
    }
  }
}
