package dev.jcompose.cli.output;

import dev.jcompose.scheduler.api.LogEntry;
import java.io.PrintStream;

/**
 * Writes container log lines to the CLI's stdout/stderr (by the line's stream), prefixed and
 * optionally timestamped. Thread-safe: concurrent followers of several containers print whole
 * lines. {@code flushEachLine} is for following; a one-shot dump flushes once at the end.
 */
public final class LogPrinter {
  private final PrintStream out;
  private final PrintStream err;
  private final LogPrefixes prefixes;
  private final boolean prefix;
  private final boolean timestamps;
  private final boolean flushEachLine;

  public LogPrinter(
      PrintStream out,
      PrintStream err,
      LogPrefixes prefixes,
      boolean prefix,
      boolean timestamps,
      boolean flushEachLine) {
    this.out = out;
    this.err = err;
    this.prefixes = prefixes;
    this.prefix = prefix;
    this.timestamps = timestamps;
    this.flushEachLine = flushEachLine;
  }

  public LogPrefixes prefixes() {
    return prefixes;
  }

  public synchronized void print(String name, LogEntry line) {
    PrintStream target = line.stderr() ? err : out;
    StringBuilder sb = new StringBuilder(line.text().length() + 48);
    if (prefix) {
      sb.append(prefixes.prefix(name));
    }
    if (timestamps) {
      sb.append(GoTime.rfc3339Nano(line.time())).append(' ');
    }
    sb.append(line.text()).append('\n');
    target.print(sb);
    if (flushEachLine) {
      target.flush();
    }
  }

  /** A lifecycle line on stdout ("web-1 exited with code 0"), coloured like the container. */
  public synchronized void notice(String name, String text) {
    out.println(prefix ? prefixes.paint(name, name + " " + text) : name + " " + text);
    out.flush();
  }

  public synchronized void flush() {
    out.flush();
    err.flush();
  }
}
