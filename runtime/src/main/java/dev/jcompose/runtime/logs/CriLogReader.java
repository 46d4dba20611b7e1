package dev.jcompose.runtime.logs;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.LogLine;
import dev.jcompose.runtime.api.LogReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * {@link LogReader} for jcshim's CRI-style log files, including the rotated {@code <log>.1}, {@code
 * <log>.2}, ... (read oldest first), gzipped ones ({@code <log>.2.gz}, with {@code compress})
 * inflated to a temporary file first. {@code tail} seeks backwards instead of parsing everything;
 * {@code follow} polls the current file (bounded 50 ms sleeps) until told to stop.
 */
public final class CriLogReader implements LogReader {
  private static final int MAX_ROTATED = 100;

  @Override
  public void read(Path logFile, Options options, Predicate<LogLine> sink, BooleanSupplier stop) {
    Predicate<LogLine> filtered = line -> !inRange(line, options) || sink.test(line);
    List<Path> inflated = new ArrayList<>();
    try {
      List<Path> files = inflate(oldestFirst(logFile), inflated);
      long[] starts = starts(files, options.tail());
      CriRecordParser parser = new CriRecordParser(); // shared: a P piece may straddle a rotation
      for (int i = 0; i < files.size() - 1; i++) {
        if (!new LogFollower(files.get(i), starts[i], false, parser, filtered, stop).run()) {
          return;
        }
      }
      new LogFollower(logFile, starts[files.size() - 1], options.follow(), parser, filtered, stop)
          .run();
    } catch (IOException e) {
      throw new ContainerException(
          Kind.INTERNAL, "cannot read log " + logFile + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inflated.forEach(CriLogReader::deleteQuietly);
    }
  }

  /**
   * The list with every .gz file replaced by an inflated temporary copy (recorded in {@code
   * temps}).
   */
  private static List<Path> inflate(List<Path> files, List<Path> temps) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path f : files) {
      if (!f.getFileName().toString().endsWith(".gz")) {
        out.add(f);
        continue;
      }
      Path tmp = Files.createTempFile("jcompose-log-", ".log");
      temps.add(tmp);
      try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      } catch (NoSuchFileException e) {
        // rotated away while we listed: nothing to read there
      }
      out.add(tmp);
    }
    return out;
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a temp file left behind is harmless
    }
  }

  /**
   * Rotated files (oldest first) then the current file, which is always last even if missing. A
   * rotated file may be gzipped ({@code .N.gz}); while its compression runs both exist, the same.
   */
  static List<Path> oldestFirst(Path logFile) {
    List<Path> files = new ArrayList<>();
    for (int i = MAX_ROTATED; i >= 1; i--) {
      Path gz = logFile.resolveSibling(logFile.getFileName() + "." + i + ".gz");
      Path p = logFile.resolveSibling(logFile.getFileName() + "." + i);
      if (Files.isRegularFile(gz)) {
        files.add(gz);
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      }
    }
    files.add(logFile);
    return files;
  }

  /** Per file, where reading starts so that exactly the last {@code tail} lines are delivered. */
  private static long[] starts(List<Path> files, int tail) throws IOException {
    long[] starts = new long[files.size()];
    int remaining = tail;
    for (int i = files.size() - 1; i >= 0 && tail >= 0; i--) {
      Path f = files.get(i);
      if (!Files.exists(f)) {
        continue;
      }
      if (remaining <= 0) {
        starts[i] = Files.size(f);
        continue;
      }
      TailSeeker.Seek seek = TailSeeker.lastLines(f, remaining);
      starts[i] = seek.offset();
      remaining -= seek.lines();
    }
    return starts;
  }

  private static boolean inRange(LogLine l, Options o) {
    return (o.since() == null || !l.time().isBefore(o.since()))
        && (o.until() == null || l.time().isBefore(o.until()));
  }
}
