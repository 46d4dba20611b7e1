package dev.jcompose.runtime.logs;

import dev.jcompose.runtime.api.LogLine;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Reads one log file from an offset to EOF in 1 MiB chunks, then (following) waits for more. */
final class LogFollower {
  private static final int CHUNK = 1 << 20;
  private static final long FOLLOW_POLL_MS = 50;

  private final Path file;
  private final boolean follow;
  private final CriRecordParser parser;
  private final Predicate<LogLine> sink;
  private final BooleanSupplier stop;
  private long pos;
  private byte[] buf = new byte[CHUNK];
  private int kept;

  LogFollower(
      Path file,
      long start,
      boolean follow,
      CriRecordParser parser,
      Predicate<LogLine> sink,
      BooleanSupplier stop) {
    this.file = file;
    this.pos = start;
    this.follow = follow;
    this.parser = parser;
    this.sink = sink;
    this.stop = stop;
  }

  /** Returns false when the sink asked to stop. */
  boolean run() throws IOException, InterruptedException {
    while (true) {
      boolean stopNow = follow && stop.getAsBoolean(); // sampled before the read that must catch up
      int r = drain();
      if (r < 0) {
        return false;
      }
      if (!follow || (stopNow && r == 0)) {
        return true;
      }
      if (r == 0) {
        Thread.sleep(FOLLOW_POLL_MS);
      }
    }
  }

  /** Returns bytes read (0 at EOF), or -1 when the sink stopped. */
  private int drain() throws IOException {
    int total = 0;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (ch.size() < pos) { // rotated or truncated: the new file starts over
        pos = 0;
        kept = 0;
      }
      while (true) {
        if (kept == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2); // a record longer than the buffer
        }
        int n = ch.read(ByteBuffer.wrap(buf, kept, buf.length - kept), pos);
        if (n <= 0) {
          return total;
        }
        pos += n;
        total += n;
        int end = kept + n;
        int used = parser.parse(buf, 0, end, sink);
        if (used < 0) {
          return -1;
        }
        kept = end - used;
        System.arraycopy(buf, used, buf, 0, kept);
      }
    } catch (NoSuchFileException e) {
      return 0;
    }
  }
}
