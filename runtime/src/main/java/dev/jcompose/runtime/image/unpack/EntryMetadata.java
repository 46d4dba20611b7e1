package dev.jcompose.runtime.image.unpack;

import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Applies a tar entry's ownership, mode, xattrs and mtime to what was created for it. Order
 * matters: chown clears setuid/setgid, so the mode comes after it.
 */
final class EntryMetadata {
  private static final String SCHILY_XATTR = "SCHILY.xattr.";
  private static final String LIBARCHIVE_XATTR = "LIBARCHIVE.xattr.";
  private final NativeOps ops;

  EntryMetadata(NativeOps ops) {
    this.ops = ops;
  }

  void apply(Path path, TarArchiveEntry entry, boolean withMode) throws IOException {
    applyOwnership(path, entry);
    if (withMode) {
      ops.chmod(path, entry.getMode());
    }
    applyXattrs(path, entry);
    setMtime(path, entry);
  }

  void applyOwnership(Path path, TarArchiveEntry entry) throws IOException {
    if (ops.canChown()) {
      ops.lchown(path, entry.getLongUserId(), entry.getLongGroupId());
    }
  }

  void finishDirectory(Path dir, TarArchiveEntry entry) {
    try {
      ops.chmod(dir, entry.getMode());
      applyXattrs(dir, entry);
      setMtime(dir, entry);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void setMtime(Path path, TarArchiveEntry entry) throws IOException {
    Instant mtime = entry.getLastModifiedTime().toInstant();
    ops.setTimes(path, mtime.getEpochSecond(), mtime.getNano());
  }

  private void applyXattrs(Path path, TarArchiveEntry entry) throws IOException {
    for (Map.Entry<String, String> header : entry.getExtraPaxHeaders().entrySet()) {
      String key = header.getKey();
      if (key.startsWith(LIBARCHIVE_XATTR) && fromImage(key.substring(LIBARCHIVE_XATTR.length()))) {
        // libarchive stores values base64-encoded, so binary ones survive
        ops.lsetxattr(
            path,
            key.substring(LIBARCHIVE_XATTR.length()),
            Base64.getDecoder().decode(header.getValue()));
      } else if (key.startsWith(SCHILY_XATTR)
          && fromImage(key.substring(SCHILY_XATTR.length()))
          && header.getValue().indexOf('\uFFFD') < 0) {
        // commons-compress decodes PAX values as UTF-8; a value that did not survive that is
        // skipped
        ops.lsetxattr(
            path,
            key.substring(SCHILY_XATTR.length()),
            header.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /**
   * Whether an image may set this attribute. {@code trusted.*} ones are the host kernel's own
   * bookkeeping, and the layer directory is an overlay lower dir: a forged {@code
   * trusted.overlay.redirect}, {@code origin} or {@code metacopy} would make overlayfs look
   * elsewhere than the image says (opaque directories come only from {@code .wh..wh..opq} markers,
   * see {@link Whiteouts}). umoci and stacker drop overlay attributes from layers too.
   */
  static boolean fromImage(String xattr) {
    return !xattr.startsWith("trusted.");
  }
}
