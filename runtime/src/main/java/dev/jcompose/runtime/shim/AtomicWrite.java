package dev.jcompose.runtime.shim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Temp file + fsync + rename, so a reader (or a crash) never sees a half-written file. The files
 * are the container record and the shim's configs, which hold the container's environment
 * (passwords, tokens): they are created 0600, never readable by another user, not even for a moment.
 */
public final class AtomicWrite {
  private static final FileAttribute<Set<PosixFilePermission>> PRIVATE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private AtomicWrite() {}

  public static void write(Path file, byte[] data) throws IOException {
    write(file, data, true);
  }

  /**
   * @param durable fsync before the rename; files under the run root (tmpfs, gone at reboot anyway)
   *     skip it, it costs milliseconds per container start on a busy disk
   */
  public static void write(Path file, byte[] data, boolean durable) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp); // a leftover of a crash may have other modes; CREATE_NEW applies ours
    try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), PRIVATE)) {
      ByteBuffer buf = ByteBuffer.wrap(data);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      if (durable) {
        ch.force(true);
      }
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
