package dev.jcompose.runtime.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Reads a container's log file ({@link ContainerState#logPath()}) as written by its monitor. Needs
 * no engine. Lines carry their time so a caller can interleave several containers by time.
 * Implementation: {@code dev.jcompose.runtime.logs.CriLogReader}.
 */
public interface LogReader {

  /**
   * Which lines to read.
   *
   * @param tail only the last {@code tail} lines (negative = all)
   * @param since only lines at or after this time (null = no bound)
   * @param until only lines before this time (null = no bound)
   * @param follow after the existing lines, keep delivering new ones
   */
  record Options(int tail, Instant since, Instant until, boolean follow) {
    public static Options all() {
      return new Options(-1, null, null, false);
    }
  }

  /**
   * Delivers matching lines to {@code sink} in file order. Returns when the file is read (no
   * follow), when {@code sink} returns false, or — following — once {@code stop} is true and
   * everything written so far has been delivered (e.g. stop = "the container has exited").
   */
  void read(Path logFile, Options options, Predicate<LogLine> sink, BooleanSupplier stop);
}
