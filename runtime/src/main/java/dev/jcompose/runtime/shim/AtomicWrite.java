package dev.jcompose.runtime.shim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Temp file + fsync + rename, so a reader (or a crash) never sees a half-written file. */
public final class AtomicWrite {
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
    try (FileChannel ch =
        FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
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
