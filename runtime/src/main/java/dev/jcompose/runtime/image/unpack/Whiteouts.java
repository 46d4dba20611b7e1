package dev.jcompose.runtime.image.unpack;

import dev.jcompose.runtime.fs.Trees;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Converts OCI whiteouts (image-spec layer.md "Whiteouts") to overlayfs form: {@code .wh.NAME}
 * becomes a 0/0 character device NAME, {@code .wh..wh..opq} becomes the xattr {@code
 * trusted.overlay.opaque=y} on its directory. Other {@code .wh..wh.} names (aufs bookkeeping) are
 * dropped.
 */
final class Whiteouts {
  static final String PREFIX = ".wh.";
  static final String OPAQUE = ".wh..wh..opq";
  private final NativeOps ops;

  Whiteouts(NativeOps ops) {
    this.ops = ops;
  }

  /** True if {@code base} was a whiteout and has been handled. */
  boolean handle(String entry, Path parent, String base) throws IOException {
    if (!base.startsWith(PREFIX)) {
      return false;
    }
    if (base.equals(OPAQUE)) {
      ops.lsetxattr(parent, "trusted.overlay.opaque", "y".getBytes(StandardCharsets.US_ASCII));
    } else if (!base.startsWith(PREFIX + PREFIX)) {
      String hidden = base.substring(PREFIX.length());
      if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
        throw EntryPaths.refuse(entry, "whiteout of '" + hidden + "'");
      }
      Path target = parent.resolve(hidden);
      if (EntryPaths.lstat(target) != null) {
        Trees.deleteRecursively(ops, target);
      }
      ops.mknod(target, NativeOps.S_IFCHR, 0, 0);
    }
    return true;
  }
}
