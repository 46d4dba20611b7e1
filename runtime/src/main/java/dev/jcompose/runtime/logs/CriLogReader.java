package dev.jcompose.runtime.logs;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.LogLine;
import dev.jcompose.runtime.api.LogReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * {@link LogReader} for jcshim's CRI-style log files. Reads in 1 MiB chunks; {@code tail} seeks
 * backwards instead of parsing the whole file; {@code follow} polls the file size (bounded 50 ms
 * sleeps — the monitor appends, never rewrites) until told to stop.
 */
public final class CriLogReader implements LogReader {
  private static final int CHUNK = 1 << 20;
  private static final long FOLLOW_POLL_MS = 50;

  @Override
  public void read(Path logFile, Options options, Predicate<LogLine> sink, BooleanSupplier stop) {
    Predicate<LogLine> filtered = line -> !inRange(line, options) || sink.test(line);
    try {
      if (!Files.exists(logFile) && !options.follow()) {
        return;
      }
      long start = options.tail() < 0 ? 0 : TailSeeker.offsetOfLastLines(logFile, options.tail());
      new Follower(logFile, start, options, filtered, stop).run();
    } catch (IOException e) {
      throw new ContainerException(Kind.INTERNAL, "cannot read log " + logFile + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean inRange(LogLine l, Options o) {
    return (o.since() == null || !l.time().isBefore(o.since())) && (o.until() == null || l.time().isBefore(o.until()));
  }

  /** Reads from an offset to EOF, then (following) waits for more. */
  private static final class Follower {
    private final Path file;
    private final Options options;
    private final Predicate<LogLine> sink;
    private final BooleanSupplier stop;
    private final CriRecordParser parser = new CriRecordParser();
    private long pos;
    private byte[] buf = new byte[CHUNK];
    private int kept;

    Follower(Path file, long start, Options options, Predicate<LogLine> sink, BooleanSupplier stop) {
      this.file = file;
      this.pos = start;
      this.options = options;
      this.sink = sink;
      this.stop = stop;
    }

    void run() throws IOException, InterruptedException {
      while (true) {
        boolean stopNow = options.follow() && stop.getAsBoolean(); // sample before the last read
        int r = drain();
        if (r < 0 || !options.follow() || (stopNow && r == 0)) {
          return;
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
        if (ch.size() < pos) { // truncated or replaced: start over
          pos = 0;
          kept = 0;
        }
        while (true) {
          if (kept == buf.length) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2); // a record longer than the buffer
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
}
